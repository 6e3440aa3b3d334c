import { and, count, desc, eq, exists, ilike, inArray, not, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationsRoles, roles, rolesScopes, usersRoles, type Role, type RoleType } from '../schema';
import { containsPattern, type PageSlice } from './page';

export type RoleFilter = {
  type?: RoleType;
  search?: string;
  /** Only roles held by this user / application. */
  userId?: string;
  applicationId?: string;
  /** Leave out roles this user / application already holds (for "assign a role" pickers). */
  excludeUserId?: string;
  excludeApplicationId?: string;
};

const heldByUser = (userId: string) =>
  exists(sql`(select 1 from ${usersRoles} where ${usersRoles.roleId} = ${roles.id} and ${usersRoles.userId} = ${userId})`);
const heldByApplication = (applicationId: string) =>
  exists(
    sql`(select 1 from ${applicationsRoles} where ${applicationsRoles.roleId} = ${roles.id} and ${applicationsRoles.applicationId} = ${applicationId})`,
  );

function roleWhere(filter: RoleFilter): SQL | undefined {
  return and(
    filter.type ? eq(roles.type, filter.type) : undefined,
    filter.search ? ilike(roles.name, containsPattern(filter.search)) : undefined,
    filter.userId ? heldByUser(filter.userId) : undefined,
    filter.applicationId ? heldByApplication(filter.applicationId) : undefined,
    filter.excludeUserId ? not(heldByUser(filter.excludeUserId)) : undefined,
    filter.excludeApplicationId ? not(heldByApplication(filter.excludeApplicationId)) : undefined,
  );
}

export function findRoleById(db: Executor, id: string): Promise<Role | undefined> {
  return db.query.roles.findFirst({ where: eq(roles.id, id) });
}

export function findRolesByIds(db: Executor, ids: string[]): Promise<Role[]> {
  return db.select().from(roles).where(inArray(roles.id, ids));
}

export function listRoles(db: Executor, filter: RoleFilter, slice: PageSlice): Promise<Role[]> {
  return db
    .select()
    .from(roles)
    .where(roleWhere(filter))
    .orderBy(desc(roles.createdAt), desc(roles.id))
    .limit(slice.limit)
    .offset(slice.offset);
}

export async function countRoles(db: Executor, filter: RoleFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(roles).where(roleWhere(filter));
  return row?.total ?? 0;
}

export async function insertRole(db: Executor, role: typeof roles.$inferInsert): Promise<Role> {
  const [row] = await db.insert(roles).values(role).returning();
  return row!;
}

export async function updateRole(db: Executor, id: string, changes: Partial<Pick<Role, 'name' | 'description'>>): Promise<Role | undefined> {
  const [row] = await db.update(roles).set(changes).where(eq(roles.id, id)).returning();
  return row;
}

export async function deleteRole(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(roles).where(eq(roles.id, id)).returning({ id: roles.id });
  return rows.length > 0;
}

export async function listScopeIdsOfRole(db: Executor, roleId: string): Promise<string[]> {
  const rows = await db.select({ scopeId: rolesScopes.scopeId }).from(rolesScopes).where(eq(rolesScopes.roleId, roleId));
  return rows.map((row) => row.scopeId);
}

export async function insertRoleScopes(db: Executor, roleId: string, scopeIds: string[]): Promise<void> {
  if (scopeIds.length === 0) return;
  await db.insert(rolesScopes).values(scopeIds.map((scopeId) => ({ roleId, scopeId }))).onConflictDoNothing();
}

export async function deleteRoleScope(db: Executor, roleId: string, scopeId: string): Promise<boolean> {
  const rows = await db
    .delete(rolesScopes)
    .where(and(eq(rolesScopes.roleId, roleId), eq(rolesScopes.scopeId, scopeId)))
    .returning({ scopeId: rolesScopes.scopeId });
  return rows.length > 0;
}
