import { readJson } from '@/lib/http/handle-route';
import { managementRoute, noContent } from '@/lib/management/route';
import { unlockBody, unlockIdentifiers } from '@/lib/management/sentinel/unlock';

/** POST /api/sentinel-activities/delete — unlocks identifiers locked by wrong passwords (as Logto). */
export const POST = managementRoute(async (request) => {
  await unlockIdentifiers(await readJson(request, unlockBody));
  return noContent();
});
