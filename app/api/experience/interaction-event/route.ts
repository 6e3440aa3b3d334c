import { z } from 'zod';
import { getDb } from '@/db/client';
import { loadExperienceForRequest, switchInteractionEvent } from '@/lib/experience/interaction';
import { interactionEvents } from '@/lib/experience/types';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

const bodySchema = z.object({ interactionEvent: z.enum(interactionEvents) });

/** `{ interactionEvent }` → 204: SignIn ⇄ Register, keeping verifications; 400 to or from ForgotPassword. */
export const PUT = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { interactionEvent } = await readJson(request, bodySchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  await switchInteractionEvent(experience, interactionEvent);
  return new Response(null, { status: 204, headers: noStore });
});
