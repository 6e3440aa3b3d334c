import { getDb } from '@/db/client';
import { identificationInputSchema, identifyUser } from '@/lib/experience/identify';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ verificationId? }` → 204 (SignIn, ForgotPassword), 201 when Register created the account. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { verificationId } = await readJson(request, identificationInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const { created } = await identifyUser(experience, verificationId);
  return new Response(null, { status: created ? 201 : 204, headers: noStore });
});
