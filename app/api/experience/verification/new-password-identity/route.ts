import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { createNewPasswordIdentity, newPasswordIdentityInputSchema } from '@/lib/experience/verifications/new-password-identity';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ identifier: { type, value }, password }` → `{ verificationId }` (Register); 422 already_in_use / `password.rejected`. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, newPasswordIdentityInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const result = await createNewPasswordIdentity(experience, input);
  return Response.json(result, { headers: noStore });
});
