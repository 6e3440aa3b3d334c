import { readJson } from '@/lib/http/handle-route';
import { createProfileField, listProfileFields } from '@/lib/management/custom-profile-fields';
import { json, managementRoute } from '@/lib/management/route';
import { profileFieldBodySchema } from '@/lib/sign-in-exp/profile-fields';

/** GET /api/custom-profile-fields — what registration asks for, in order (as Logto). */
export const GET = managementRoute(async () => json(await listProfileFields()));

/** POST /api/custom-profile-fields — a new field, asked for after the others (201). */
export const POST = managementRoute(async (request) => json(await createProfileField(await readJson(request, profileFieldBodySchema)), 201));
