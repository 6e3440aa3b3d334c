import { getDb } from '@/db/client';
import { interactionEventInputSchema, loadExperienceForRequest, switchInteractionEvent } from '@/lib/experience/interaction';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/** `{ interactionEvent }` → 204: SignIn ⇄ Register, keeping verifications; 400 to or from ForgotPassword. */
export const PUT = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { interactionEvent } = await readJson(request, interactionEventInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  await switchInteractionEvent(experience, interactionEvent);
  return new Response(null, { status: 204, headers: noStore });
});
