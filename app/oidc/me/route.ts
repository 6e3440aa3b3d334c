import { handleRoute } from '@/lib/http/handle-route';
import { withPublicCors } from '@/lib/oidc/cors';
import { userinfoEndpoint } from '@/lib/oidc/endpoints/userinfo';

// SPAs call userinfo cross-origin with a Bearer token (no cookies), so any origin may.
export const GET = withPublicCors(handleRoute(userinfoEndpoint));
export const POST = withPublicCors(handleRoute(userinfoEndpoint));

export function OPTIONS() {
  return new Response(null, {
    status: 204,
    headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '600' },
  });
}
