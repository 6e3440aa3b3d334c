import { handleRoute } from '@/lib/http/handle-route';
import { clientCorsPreflight, withClientCors } from '@/lib/oidc/cors';
import { revocationEndpoint } from '@/lib/oidc/endpoints/revocation';

// SPAs revoke their tokens at sign-out from the browser: CORS for the client's own origins.
export const POST = withClientCors(handleRoute(revocationEndpoint));
export const OPTIONS = clientCorsPreflight;
