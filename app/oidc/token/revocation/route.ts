import { handleRoute } from '@/lib/http/handle-route';
import { revocationEndpoint } from '@/lib/oidc/endpoints/revocation';

export const POST = handleRoute(revocationEndpoint);
