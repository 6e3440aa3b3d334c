import { json, managementRoute, readOptionalJson } from '@/lib/management/route';
import { rotateKeys, rotateKeysBody } from '@/lib/management/signing-keys';

/** POST /api/configs/oidc/private-keys/rotate {gracePeriod?: seconds} → the published keys after rotation. */
export const POST = managementRoute(async (request) => {
  const { gracePeriod } = await readOptionalJson(request, rotateKeysBody);
  return json(await rotateKeys(gracePeriod));
});
