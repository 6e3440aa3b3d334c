import { eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { roles, users, usersRoles, type User } from '../schema';

export function findUserById(db: Executor, id: string): Promise<User | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function listUserRoleNames(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: roles.name })
    .from(usersRoles)
    .innerJoin(roles, eq(roles.id, usersRoles.roleId))
    .where(eq(usersRoles.userId, userId));
  return rows.map((row) => row.name);
}
