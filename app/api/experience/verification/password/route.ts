import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { passwordVerificationInputSchema, verifyPasswordIdentity } from '@/lib/experience/verifications/password';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ identifier: { type, value }, password }` → `{ verificationId }`; 422 `session.invalid_credentials`. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, passwordVerificationInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const result = await verifyPasswordIdentity(experience, input);
  return Response.json(result, { headers: noStore });
});
