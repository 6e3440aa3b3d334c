import { resume } from '@/lib/oidc/authorization/flow';
import { handleAuthorizationRoute } from '@/lib/oidc/authorization/error-page';

export const GET = handleAuthorizationRoute(resume);
