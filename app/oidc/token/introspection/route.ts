import { handleRoute } from '@/lib/http/handle-route';
import { introspectionEndpoint } from '@/lib/oidc/endpoints/introspection';

export const POST = handleRoute(introspectionEndpoint);
