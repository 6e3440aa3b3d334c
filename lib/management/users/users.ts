import { getDb } from '@/db/client';
import { countUsers, deleteUser, findUserRecord, insertUser, listUserRecords, updateUser, type UserRecord } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { revokeUserAccess } from '@/lib/oidc/revoke-user';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { generateId } from '@/lib/security/ids';
import { importedPasswordHash } from '@/lib/security/imported-passwords';
import { hashPassword } from '@/lib/security/password';
import { epochMs } from '../dates';
import { found, withUniqueErrors } from '../errors';
import { paginate, type Pagination } from '../pagination';
import type { CreateUserBody, UpdateUserBody } from './schemas';

/** Logto's user shape; the password hash never leaves the database layer, only `hasPassword`. */
export function userResponse(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    primaryEmail: user.primaryEmail,
    primaryPhone: user.primaryPhone,
    name: user.name,
    avatar: user.avatar,
    customData: user.customData,
    profile: user.profile,
    isSuspended: user.isSuspended,
    hasPassword: user.hasPassword,
    lastSignInAt: epochMs(user.lastSignInAt),
    createdAt: epochMs(user.createdAt),
    updatedAt: epochMs(user.updatedAt),
  };
}

/** The unique indexes compare identifiers case-insensitively; a violation names the identifier taken. */
const identifierTaken = {
  users_username_key: () => new AppError('user.username_already_in_use', 422, 'This username is already in use.'),
  users_primary_email_key: () => new AppError('user.email_already_in_use', 422, 'This email is associated with an existing account.'),
  users_primary_phone_key: () => new AppError('user.phone_already_in_use', 422, 'This phone number is associated with an existing account.'),
};

/** With `passwordDigest`, the user signs in with the old password; the first sign-in turns it into argon2id. */
export async function createUser({ password, passwordDigest, passwordAlgorithm, ...fields }: CreateUserBody) {
  const imported = passwordDigest && passwordAlgorithm ? importedPasswordHash(passwordAlgorithm, passwordDigest) : null;
  const passwordHash = password ? await hashPassword(password) : imported;
  const db = await getDb();
  const user = await withUniqueErrors(() => insertUser(db, { id: generateId(), ...fields, passwordHash }), identifierTaken);
  return userResponse(user);
}

export async function listUsers(query: Pagination & { search?: string; roleId?: string }) {
  const db = await getDb();
  const filter = { search: query.search || undefined, roleId: query.roleId };
  return paginate(query, { list: (slice) => listUserRecords(db, filter, slice), count: () => countUsers(db, filter) }, userResponse);
}

export async function getUser(id: string) {
  return userResponse(found(await findUserRecord(await getDb(), id), 'user', id));
}

/** PATCH /api/users/:id replaces the fields it names (profile and customData included), as Logto does. */
export async function updateUserFields(id: string, changes: UpdateUserBody) {
  const db = await getDb();
  if (Object.keys(changes).length === 0) return getUser(id);
  const user = await withUniqueErrors(() => updateUser(db, id, changes), identifierTaken);
  return userResponse(found(user, 'user', id));
}

/**
 * Deleting ends the user's sessions and revokes every grant in the same transaction.
 * Returns the back-channel notification for the route to send after responding.
 */
export async function removeUser(id: string): Promise<{ notifyApps?: () => Promise<void> }> {
  const db = await getDb();
  const { notifyApps } = await db.transaction(async (tx) => {
    found(await findUserRecord(tx, id), 'user', id);
    const revoked = await revokeUserAccess(tx, id);
    await deleteUser(tx, id);
    return revoked;
  });
  invalidateResourceCaches();
  return { notifyApps };
}
