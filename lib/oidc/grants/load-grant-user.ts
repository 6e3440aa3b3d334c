import type { Executor } from '@/db/client';
import { findGrantWithUser } from '@/db/queries/grants';
import type { Grant, User } from '@/db/schema';
import { InvalidGrant } from '../errors';

/** The grant and its user, both still valid: a revoked or expired grant, or a suspended user, is `invalid_grant`. */
export async function loadActiveGrantAndUser(db: Executor, grantId: string, now = new Date()): Promise<{ grant: Grant; user: User }> {
  const found = await findGrantWithUser(db, grantId);
  if (!found || found.grant.revokedAt || found.grant.expiresAt <= now) throw new InvalidGrant('the grant has been revoked or has expired');
  if (!found.user) throw new InvalidGrant('the user no longer exists');
  if (found.user.isSuspended) throw new InvalidGrant('the user is suspended');
  return { grant: found.grant, user: found.user };
}
