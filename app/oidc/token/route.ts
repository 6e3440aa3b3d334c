import { handleRoute } from '@/lib/http/handle-route';
import { tokenEndpoint } from '@/lib/oidc/endpoints/token';

export const POST = handleRoute(tokenEndpoint);
