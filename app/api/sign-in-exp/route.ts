import { getDb } from '@/db/client';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import { signInExperiencePatchSchema, updateSignInExperience } from '@/lib/sign-in-exp/update';

/** GET /api/sign-in-exp — the configuration in force (defaults until an operator changes it). */
export const GET = managementRoute(async () => json(await getSignInExperience(await getDb())));

/** PATCH /api/sign-in-exp — top-level keys replace; the merged document is validated and returned whole. */
export const PATCH = managementRoute(async (request) =>
  json(await updateSignInExperience(await readJson(request, signInExperiencePatchSchema))),
);
