import { handleRoute } from '@/lib/http/handle-route';
import { userinfoEndpoint } from '@/lib/oidc/endpoints/userinfo';

export const GET = handleRoute(userinfoEndpoint);
export const POST = handleRoute(userinfoEndpoint);

/** SPAs call userinfo cross-origin with a Bearer token (no cookies), so any origin may. */
export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '600' },
  });
}
