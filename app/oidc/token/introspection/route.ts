import { handleRoute } from '@/lib/http/handle-route';
import { clientCorsPreflight, withClientCors } from '@/lib/oidc/cors';
import { introspectionEndpoint } from '@/lib/oidc/endpoints/introspection';

export const POST = withClientCors(handleRoute(introspectionEndpoint));
export const OPTIONS = clientCorsPreflight;
