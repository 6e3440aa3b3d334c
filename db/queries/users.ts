import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { roles, users, usersRoles, type User } from '../schema';

export function findUserById(db: Executor, id: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

/**
 * The user a sign-in identifier names. Usernames and emails match regardless of case, the
 * way their unique indexes compare them (`lower(...)`), so those indexes serve the lookup.
 */
export function findUserByIdentifier(
  db: Executor,
  identifier: { type: 'username' | 'email' | 'phone'; value: string },
): Promise<User | undefined> {
  const where =
    identifier.type === 'phone'
      ? eq(users.primaryPhone, identifier.value)
      : eq(sql`lower(${identifier.type === 'email' ? users.primaryEmail : users.username})`, identifier.value.toLowerCase());
  return db.query.users.findFirst({ where });
}

export async function updateUserLastSignIn(db: Executor, id: string, at = new Date()): Promise<void> {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, id));
}

export async function listUserRoleNames(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: roles.name })
    .from(usersRoles)
    .innerJoin(roles, eq(roles.id, usersRoles.roleId))
    .where(eq(usersRoles.userId, userId));
  return rows.map((row) => row.name);
}
