import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationsRoles, resources, rolesScopes, scopes, usersRoles, type Resource } from '../schema';

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
