import type { Executor } from '@/db/client';
import { findAccessTokenWithGrant } from '@/db/queries/tokens';
import { findUserById } from '@/db/queries/users';
import { sha256 } from '@/lib/security/crypto';
import type { Grant, User } from '@/db/schema';

export type ActiveAccessToken = {
  scope: string[];
  applicationId: string;
  grant: Grant;
  user: User;
  expiresAt: Date;
  createdAt: Date;
};

/**
 * An opaque access token that is still good: not expired, its grant not revoked or
 * expired, its user present and not suspended. Anything else is `undefined`.
 */
export async function findActiveAccessToken(db: Executor, token: string, now = new Date()): Promise<ActiveAccessToken | undefined> {
  const row = await findAccessTokenWithGrant(db, sha256(token));
  if (!row || row.token.expiresAt <= now || row.grant.revokedAt || row.grant.expiresAt <= now) return undefined;
  const user = await findUserById(db, row.token.userId);
  if (!user || user.isSuspended) return undefined;
  return {
    scope: row.token.scope.split(' ').filter(Boolean),
    applicationId: row.token.applicationId,
    grant: row.grant,
    user,
    expiresAt: row.token.expiresAt,
    createdAt: row.token.createdAt,
  };
}
