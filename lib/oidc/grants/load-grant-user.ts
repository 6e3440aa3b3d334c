import type { Executor } from '@/db/client';
import { findGrant } from '@/db/queries/grants';
import { findUserById } from '@/db/queries/users';
import type { Grant, User } from '@/db/schema';
import { InvalidGrant } from '../errors';

/** The grant and its user, both still valid: a revoked or expired grant, or a suspended user, is `invalid_grant`. */
export async function loadActiveGrantAndUser(db: Executor, grantId: string, now = new Date()): Promise<{ grant: Grant; user: User }> {
  const grant = await findGrant(db, grantId);
  if (!grant || grant.revokedAt || grant.expiresAt <= now) throw new InvalidGrant('the grant has been revoked or has expired');
  const user = await findUserById(db, grant.userId);
  if (!user) throw new InvalidGrant('the user no longer exists');
  if (user.isSuspended) throw new InvalidGrant('the user is suspended');
  return { grant, user };
}
