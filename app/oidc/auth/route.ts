import { authorize } from '@/lib/oidc/authorization/flow';
import { handleAuthorizationRoute } from '@/lib/oidc/authorization/error-page';

/** OIDC Core §3.1.2: GET and POST. */
export const GET = handleAuthorizationRoute(authorize);
export const POST = handleAuthorizationRoute(authorize);
