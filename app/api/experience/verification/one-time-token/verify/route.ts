import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { oneTimeTokenInputSchema, verifyOneTimeTokenIdentity } from '@/lib/experience/verifications/one-time-token';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ identifier: { type: 'email', value }, token }` → `{ verificationId }`; `one_time_token.*` errors. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, oneTimeTokenInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const result = await verifyOneTimeTokenIdentity(experience, input);
  return Response.json(result, { headers: noStore });
});
