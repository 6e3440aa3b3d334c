import { getDb } from '@/db/client';
import { findUserPasswordHash, findUserRecord, mergeUserJson, updateUser } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { revokeUserAccess } from '@/lib/oidc/revoke-user';
import { hashPassword, verifyPassword } from '@/lib/security/password';
import { found } from '../errors';
import { userResponse } from './users';

export async function setPassword(id: string, password: string) {
  const passwordHash = await hashPassword(password);
  return userResponse(found(await updateUser(await getDb(), id, { passwordHash }), 'user', id));
}

/** Logto answers a wrong password with 422 `session.invalid_credentials`; a user without one is treated the same. */
export async function checkPassword(id: string, password: string): Promise<void> {
  const row = found(await findUserPasswordHash(await getDb(), id), 'user', id);
  if (!(await verifyPassword(row.passwordHash, password))) {
    throw new AppError('session.invalid_credentials', 422, 'The password is incorrect.');
  }
}

export async function hasPassword(id: string) {
  return { hasPassword: found(await findUserRecord(await getDb(), id), 'user', id).hasPassword };
}

/**
 * Suspension ends every session and revokes every grant in the same transaction as the
 * flag; `notifyApps` (back-channel logout) is for the route to send after responding.
 */
export async function setSuspended(id: string, isSuspended: boolean) {
  const db = await getDb();
  const { user, notifyApps } = await db.transaction(async (tx) => {
    const updated = found(await updateUser(tx, id, { isSuspended }), 'user', id);
    const revoked = isSuspended ? await revokeUserAccess(tx, id) : undefined;
    return { user: updated, notifyApps: revoked?.notifyApps };
  });
  return { user: userResponse(user), notifyApps };
}

/** Partial updates: top-level keys are merged into what is stored (Logto's custom-data and profile routes). */
export async function mergeCustomData(id: string, customData: Record<string, unknown>) {
  return found(await mergeUserJson(await getDb(), id, 'customData', customData), 'user', id).customData;
}

export async function mergeProfile(id: string, profile: Record<string, unknown>) {
  return found(await mergeUserJson(await getDb(), id, 'profile', profile), 'user', id).profile;
}
