import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { submitInteraction } from '@/lib/experience/submit';
import { handleRoute, noStore } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** No body → 200 `{ redirectTo }`: the browser goes there to resume the authorization. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const result = await submitInteraction(experience);
  return Response.json(result, { headers: noStore });
});
