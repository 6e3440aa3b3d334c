import { z } from 'zod';
import { getDb } from '@/db/client';
import { listSigningKeyInfo } from '@/db/queries/signing-keys';
import { rotateSigningKeys } from '@/lib/oidc/keys';
import { epochMs } from './dates';

/** Seconds the retired keys stay in the JWKS (default one day, at most 30): tokens they signed keep verifying. */
export const rotateKeysBody = z.object({ gracePeriod: z.number().int().min(0).max(30 * 86_400).default(86_400) });

/** Public facts only: `id` is the JWK `kid` (Logto's field name); the private parts never leave the database. */
export async function listSigningKeys() {
  const keys = await listSigningKeyInfo(await getDb());
  return keys.map(({ kid, alg, createdAt, retiredAt, expiresAt }) => ({
    id: kid,
    kid,
    alg,
    createdAt: epochMs(createdAt),
    retiredAt: epochMs(retiredAt),
    expiresAt: epochMs(expiresAt),
  }));
}

export async function rotateKeys(gracePeriodSeconds: number) {
  await rotateSigningKeys(gracePeriodSeconds);
  return listSigningKeys();
}
