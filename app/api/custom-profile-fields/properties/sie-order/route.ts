import { readJson } from '@/lib/http/handle-route';
import { reorderProfileFields, sieOrderBodySchema } from '@/lib/management/custom-profile-fields';
import { json, managementRoute } from '@/lib/management/route';

/** POST /api/custom-profile-fields/properties/sie-order `{order: [{name, sieOrder}]}` — the order registration asks in; answers the list. */
export const POST = managementRoute(async (request) => json(await reorderProfileFields(await readJson(request, sieOrderBodySchema))));
