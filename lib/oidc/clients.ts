import { getDb } from '@/db/client';
import { findApplicationSignInExperience } from '@/db/queries/application-sign-in-experiences';
import { findApplicationById, listValidSecretDigests, type SecretDigest } from '@/db/queries/applications';
import type { Application, ApplicationSignInExperience } from '@/db/schema';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { safeEqual, sha256 } from '@/lib/security/crypto';

export type Client = Application & {
  secrets: SecretDigest[];
  isPublic: boolean;
  /** A third-party app's own look on the sign-in and consent pages (lib/sign-in-exp/application.ts). */
  signInExperience: ApplicationSignInExperience | null;
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
    const [secrets, signInExperience] = await Promise.all([
      listValidSecretDigests(db, clientId),
      // Only third-party apps can have one (Logto's rule): first-party apps skip the query.
      application.isThirdParty ? findApplicationSignInExperience(db, clientId) : undefined,
    ]);
    return { ...application, isPublic: isPublicType(application.type), secrets, signInExperience: signInExperience ?? null };
  });
}

/** Called by every write to an application, its secrets or its sign-in experience. */
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
