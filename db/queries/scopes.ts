import { and, asc, count, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { resources, rolesScopes, scopes, type Scope } from '../schema';
import type { PageSlice } from './page';

/** A scope with the resource it belongs to (role scope lists show both, as Logto does). */
export type ScopeWithResource = Scope & { resource: { id: string; name: string; indicator: string; isBuiltIn: boolean } };

export type ScopeFilter = { resourceIds?: string[]; roleId?: string; ids?: string[] };

function scopeWhere(filter: ScopeFilter): SQL | undefined {
  return and(
    filter.resourceIds ? inArray(scopes.resourceId, filter.resourceIds) : undefined,
    filter.ids ? inArray(scopes.id, filter.ids) : undefined,
    filter.roleId
      ? exists(sql`(select 1 from ${rolesScopes} where ${rolesScopes.scopeId} = ${scopes.id} and ${rolesScopes.roleId} = ${filter.roleId})`)
      : undefined,
  );
}

export async function listScopes(db: Executor, filter: ScopeFilter, slice?: PageSlice): Promise<ScopeWithResource[]> {
  const query = db
    .select({
      scope: scopes,
      resource: { id: resources.id, name: resources.name, indicator: resources.indicator, isBuiltIn: resources.isBuiltIn },
    })
    .from(scopes)
    .innerJoin(resources, eq(resources.id, scopes.resourceId))
    .where(scopeWhere(filter))
    .orderBy(asc(scopes.createdAt), asc(scopes.id));
  const rows = await (slice ? query.limit(slice.limit).offset(slice.offset) : query);
  return rows.map(({ scope, resource }) => ({ ...scope, resource }));
}

export async function countScopes(db: Executor, filter: ScopeFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(scopes).where(scopeWhere(filter));
  return row?.total ?? 0;
}

export async function findScopeOfResource(db: Executor, resourceId: string, scopeId: string): Promise<Scope | undefined> {
  return db.query.scopes.findFirst({ where: and(eq(scopes.id, scopeId), eq(scopes.resourceId, resourceId)) });
}

export async function insertScope(db: Executor, scope: typeof scopes.$inferInsert): Promise<Scope> {
  const [row] = await db.insert(scopes).values(scope).returning();
  return row!;
}

export async function updateScope(db: Executor, id: string, changes: Partial<Pick<Scope, 'name' | 'description'>>): Promise<Scope | undefined> {
  const [row] = await db.update(scopes).set(changes).where(eq(scopes.id, id)).returning();
  return row;
}

export async function deleteScope(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(scopes).where(eq(scopes.id, id)).returning({ id: scopes.id });
  return rows.length > 0;
}
