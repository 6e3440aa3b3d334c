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
  return activeUser(await findUserById(db, userId));
}

function activeUser(user: User | null | undefined): User {
  if (!user) throw new AppError('user.user_not_exist', 404, 'The account no longer exists.');
  assertThat(!user.isSuspended, 'user.suspended', 401, 'This account is suspended.');
  return user;
}

/**
 * The user this interaction identified (404 `session.identifier_not_found` before identification),
 * still active. The account read along with the interaction serves once, if it is this user;
 * otherwise (or again) it is read now.
 */
export async function requireIdentifiedUser(experience: Experience): Promise<User> {
  const userId = experience.state.identifiedUserId;
  assertThat(userId, 'session.identifier_not_found', 404, 'Identify the user first (POST /api/experience/identification).');
  const loaded = experience.loadedUser;
  experience.loadedUser = undefined;
  return loaded?.id === userId ? activeUser(loaded.user) : findActiveUser(experience.db, userId);
}
