import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { addProfile, addProfileInputSchema } from '@/lib/experience/profile';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ type: 'username'|'password', value }` or `{ type: 'email'|'phone', verificationId }` → 204. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, addProfileInputSchema);
  // A sign-in checks the identified account: it is read with the interaction, in one statement.
  const experience = await loadExperienceForRequest(await getDb(), request, { withIdentifiedUser: true });
  await addProfile(experience, input);
  return new Response(null, { status: 204, headers: noStore });
});
