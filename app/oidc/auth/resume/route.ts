import { resume } from '@/lib/oidc/authorization/flow';
import { handleAuthorizationRoute } from '@/lib/oidc/authorization/error-page';
import { isRouterFetch, routerFetchFallback } from '@/lib/http/router-fetch';

export const GET = handleAuthorizationRoute((request) => (isRouterFetch(request) ? Promise.resolve(routerFetchFallback()) : resume(request)));
