import { handleRoute } from '@/lib/http/handle-route';
import { publicJwks } from '@/lib/oidc/keys';

// Cacheable for minutes: rotated-out keys stay published for a day, far longer than this.
export const GET = handleRoute(async () =>
  Response.json(await publicJwks(), {
    headers: { 'cache-control': 'public, max-age=300, s-maxage=300', 'access-control-allow-origin': '*' },
  }),
);
