import { after } from 'next/server';
import { handleAuthorizationRoute } from '@/lib/oidc/authorization/error-page';
import { confirmEndSessionEndpoint } from '@/lib/oidc/endpoints/end-session';

export const POST = handleAuthorizationRoute(async (request) => {
  const { response, afterResponse } = await confirmEndSessionEndpoint(request);
  if (afterResponse) after(afterResponse);
  return response;
});
