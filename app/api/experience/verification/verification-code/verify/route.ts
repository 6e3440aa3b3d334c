import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { verifyVerificationCode, verifyVerificationCodeInputSchema } from '@/lib/experience/verifications/verification-code';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ identifier, verificationId, code }` → `{ verificationId }`; 400 `verification_code.*`. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, verifyVerificationCodeInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const result = await verifyVerificationCode(experience, input);
  return Response.json(result, { headers: noStore });
});
