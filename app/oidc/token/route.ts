import { handleRoute } from '@/lib/http/handle-route';
import { clientCorsPreflight, withClientCors } from '@/lib/oidc/cors';
import { tokenEndpoint } from '@/lib/oidc/endpoints/token';

// SPAs redeem codes and refresh from the browser: CORS for the client's own origins.
export const POST = withClientCors(handleRoute(tokenEndpoint));
export const OPTIONS = clientCorsPreflight;
