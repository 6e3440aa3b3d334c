import { z } from 'zod';
import { getDb } from '@/db/client';
import { identifyUser } from '@/lib/experience/identify';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

// `verificationId` may be left out only by Register, which then builds the account from the collected profile.
const bodySchema = z.object({ verificationId: z.string().min(1).optional() });

/** `{ verificationId? }` → 204 (SignIn, ForgotPassword), 201 when Register created the account. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { verificationId } = await readJson(request, bodySchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const { created } = await identifyUser(experience, verificationId);
  return new Response(null, { status: created ? 201 : 204, headers: noStore });
});
