import { z } from 'zod';
import { getDb } from '@/db/client';
import { identifyUser } from '@/lib/experience/identify';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

// `verificationId` is optional in Logto only for registration from the collected profile (issue 4).
const bodySchema = z.object({ verificationId: z.string().min(1) });

/** `{ verificationId }` → 204: the verified record names the user being signed in. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { verificationId } = await readJson(request, bodySchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  await identifyUser(experience, verificationId);
  return new Response(null, { status: 204, headers: noStore });
});
