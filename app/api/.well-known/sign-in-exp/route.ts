import { getDb } from '@/db/client';
import { handleRoute } from '@/lib/http/handle-route';
import { publicSignInExperience } from '@/lib/sign-in-exp/public';

/**
 * GET /api/.well-known/sign-in-exp — public, for custom sign-in UIs (as Logto). The same for
 * everyone, so caches may keep it for a minute: a change shows within about a minute.
 */
export const GET = handleRoute(async () =>
  Response.json(await publicSignInExperience(await getDb()), {
    headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' },
  }),
);
