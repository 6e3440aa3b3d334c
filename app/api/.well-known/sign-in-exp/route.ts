import { getDb } from '@/db/client';
import { handleRoute } from '@/lib/http/handle-route';
import { publicSignInExperience } from '@/lib/sign-in-exp/public';

/**
 * GET /api/.well-known/sign-in-exp[?appId=] — public, for custom sign-in UIs (as Logto). The
 * same for everyone asking with the same URL, so caches may keep it for a minute: a change
 * shows within about a minute.
 */
export const GET = handleRoute(async (request) =>
  Response.json(await publicSignInExperience(await getDb(), new URL(request.url).searchParams.get('appId') ?? undefined), {
    headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' },
  }),
);
