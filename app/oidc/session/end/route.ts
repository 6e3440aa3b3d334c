import { after } from 'next/server';
import { handleAuthorizationRoute } from '@/lib/oidc/authorization/error-page';
import { endSessionEndpoint } from '@/lib/oidc/endpoints/end-session';

async function endSession(request: Request): Promise<Response> {
  const { response, afterResponse } = await endSessionEndpoint(request);
  // Back-channel logout runs after the browser has its redirect.
  if (afterResponse) after(afterResponse);
  return response;
}

export const GET = handleAuthorizationRoute(endSession);
export const POST = handleAuthorizationRoute(endSession);
