import { getDb } from '@/db/client';
import { findApplicationById, listValidSecretDigests, type SecretDigest } from '@/db/queries/applications';
import type { Application } from '@/db/schema';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { safeEqual, sha256 } from '@/lib/security/crypto';

export type Client = Application & {
  secrets: SecretDigest[];
  isPublic: boolean;
};

/** Public clients (Native, SPA) have no secret and must use PKCE (RFC 8252, RFC 9700 §2.1.1). */
export const isPublicType = (type: Application['type']) => type === 'Native' || type === 'SPA';

// Client records are read on every token request: keep the database off that hot path.
const clients = sharedTtlCache<Client | null>('clients', 30_000);

export function findClient(clientId: string): Promise<Client | null> {
  return clients.get(clientId, async () => {
    const db = await getDb();
    const application = await findApplicationById(db, clientId);
    if (!application) return null;
    return { ...application, isPublic: isPublicType(application.type), secrets: await listValidSecretDigests(db, clientId) };
  });
}

/** Called by every write to an application or its secrets. */
export function invalidateClient(clientId: string): void {
  clients.invalidate(clientId);
}

/**
 * Checks a presented secret against every digest, in constant time per digest. Expiry is
 * checked here, not only when loading, so a cached client stops accepting a secret the
 * moment it expires.
 */
export function secretMatches(client: Client, secret: string, now = Date.now()): boolean {
  const digest = sha256(secret);
  let matched = false;
  // Check all digests even after a match so timing does not reveal which one matched.
  for (const candidate of client.secrets) {
    const live = candidate.expiresAt === null || candidate.expiresAt.getTime() > now;
    matched = (safeEqual(candidate.secretHash, digest) && live) || matched;
  }
  return matched;
}
