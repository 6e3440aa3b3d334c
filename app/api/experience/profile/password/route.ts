import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { resetPassword, resetPasswordInputSchema } from '@/lib/experience/profile';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ password }` → 204 (ForgotPassword only); 422 `password.rejected` / `user.same_password`. */
export const PUT = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { password } = await readJson(request, resetPasswordInputSchema);
  // The step checks the identified account: it is read with the interaction, in one statement.
  const experience = await loadExperienceForRequest(await getDb(), request, { withIdentifiedUser: true });
  await resetPassword(experience, password);
  return new Response(null, { status: 204, headers: noStore });
});
