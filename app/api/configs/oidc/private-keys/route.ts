import { json, managementRoute } from '@/lib/management/route';
import { listSigningKeys } from '@/lib/management/signing-keys';

/** GET /api/configs/oidc/private-keys → [{id, kid, alg, createdAt, retiredAt, expiresAt}]; never key material. */
export const GET = managementRoute(async () => json(await listSigningKeys()));
