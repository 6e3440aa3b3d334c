import { getDb } from '@/db/client';
import { loadExperienceForRequest, publicExperience } from '@/lib/experience/interaction';
import { handleRoute, noStore } from '@/lib/http/handle-route';

/** The interaction's progress, for custom UIs: event, identified user, verifications (never secrets). */
export const GET = handleRoute(async (request) => {
  const experience = await loadExperienceForRequest(await getDb(), request);
  return Response.json(publicExperience(experience), { headers: noStore });
});
