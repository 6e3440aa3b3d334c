import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationsRoles, resources, rolesScopes, scopes, usersRoles, type Resource } from '../schema';
import type { PageSlice } from './page';

export function findResourceByIndicator(db: Executor, indicator: string): Promise<Resource | undefined> {
  return db.query.resources.findFirst({ where: eq(resources.indicator, indicator) });
}

export function findDefaultResource(db: Executor): Promise<Resource | undefined> {
  return db.query.resources.findFirst({ where: eq(resources.isDefault, true) });
}

export async function listScopeNames(db: Executor, resourceId: string): Promise<string[]> {
  const rows = await db.select({ name: scopes.name }).from(scopes).where(eq(scopes.resourceId, resourceId));
  return rows.map((row) => row.name);
}

/** Scopes of one resource that an M2M application holds through its roles. */
export async function listApplicationScopeNames(db: Executor, applicationId: string, resourceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: scopes.name })
    .from(applicationsRoles)
    .innerJoin(rolesScopes, eq(rolesScopes.roleId, applicationsRoles.roleId))
    .innerJoin(scopes, eq(scopes.id, rolesScopes.scopeId))
    .where(and(eq(applicationsRoles.applicationId, applicationId), eq(scopes.resourceId, resourceId)));
  return rows.map((row) => row.name);
}

/** Scopes of one resource that a user holds through their roles. */
export async function listUserScopeNames(db: Executor, userId: string, resourceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: scopes.name })
    .from(usersRoles)
    .innerJoin(rolesScopes, eq(rolesScopes.roleId, usersRoles.roleId))
    .innerJoin(scopes, eq(scopes.id, rolesScopes.scopeId))
    .where(and(eq(usersRoles.userId, userId), eq(scopes.resourceId, resourceId)));
  return rows.map((row) => row.name);
}

export async function findResourcesByIndicators(db: Executor, indicators: string[]): Promise<Resource[]> {
  if (indicators.length === 0) return [];
  return db.select().from(resources).where(inArray(resources.indicator, indicators));
}

export function findResourceById(db: Executor, id: string): Promise<Resource | undefined> {
  return db.query.resources.findFirst({ where: eq(resources.id, id) });
}

/** Oldest first, so the built-in Management API resource leads the list. */
export function listResources(db: Executor, slice: PageSlice): Promise<Resource[]> {
  return db.select().from(resources).orderBy(asc(resources.createdAt), asc(resources.id)).limit(slice.limit).offset(slice.offset);
}

export async function countResources(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(resources);
  return row?.total ?? 0;
}

export async function insertResource(db: Executor, resource: typeof resources.$inferInsert): Promise<Resource> {
  const [row] = await db.insert(resources).values(resource).returning();
  return row!;
}

export async function updateResource(
  db: Executor,
  id: string,
  changes: Partial<Pick<Resource, 'name' | 'accessTokenTtl'>>,
): Promise<Resource | undefined> {
  const [row] = await db.update(resources).set(changes).where(eq(resources.id, id)).returning();
  return row;
}

/**
 * Makes `id` the one default resource, or clears its flag. Setting touches every row in
 * one statement, so two concurrent calls serialize on row locks and leave exactly one default.
 */
export async function setDefaultResource(db: Executor, id: string, isDefault: boolean): Promise<void> {
  if (isDefault) await db.update(resources).set({ isDefault: sql`${resources.id} = ${id}` });
  else await db.update(resources).set({ isDefault: false }).where(eq(resources.id, id));
}

export async function deleteResource(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(resources).where(eq(resources.id, id)).returning({ id: resources.id });
  return rows.length > 0;
}
