import type { Executor } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { AppError, assertThat } from '@/lib/errors';
import type { Experience } from './state';

/**
 * The user an interaction is about, still there and not suspended. Checked again at every
 * step, since an administrator may delete or suspend the account mid-interaction.
 */
export async function findActiveUser(db: Executor, userId: string): Promise<User> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('user.user_not_exist', 404, 'The account no longer exists.');
  assertThat(!user.isSuspended, 'user.suspended', 401, 'This account is suspended.');
  return user;
}

/** The user this interaction identified (404 `session.identifier_not_found` before identification), still active. */
export async function requireIdentifiedUser(experience: Experience): Promise<User> {
  const userId = experience.state.identifiedUserId;
  assertThat(userId, 'session.identifier_not_found', 404, 'Identify the user first (POST /api/experience/identification).');
  return findActiveUser(experience.db, userId);
}
