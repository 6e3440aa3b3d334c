import { getDb } from '@/db/client';
import { interactionEventInputSchema, loadExperienceForRequest, startInteractionEvent } from '@/lib/experience/interaction';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/**
 * Begins (or restarts) the experience with an interaction event → 204. As in Logto the
 * browser must have come through `/oidc/auth` first: the interaction is what we start in.
 */
export const PUT = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { interactionEvent } = await readJson(request, interactionEventInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  await startInteractionEvent(experience, interactionEvent);
  return new Response(null, { status: 204, headers: noStore });
});
