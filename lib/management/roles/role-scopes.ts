import { getDb, type Executor } from '@/db/client';
import { deleteRoleScope, findRoleById, insertRoleScopes, listScopeIdsOfRole } from '@/db/queries/roles';
import { countScopes, listScopes, type ScopeWithResource } from '@/db/queries/scopes';
import type { Role } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { assertRemoved, found } from '../errors';
import { paginate, type Pagination } from '../pagination';
import { scopeResponse } from '../resources/scopes';
import { loadRole } from './roles';

export function roleScopeResponse(scope: ScopeWithResource) {
  const { id, name, indicator } = scope.resource;
  return { ...scopeResponse(scope), resource: { id, name, indicator } };
}

/**
 * Adds scopes to a role inside the caller's transaction. A User role may not carry
 * Management API scopes: a user's token must never administer the installation.
 */
export async function addScopesToRole(tx: Executor, role: Role, scopeIds: string[]): Promise<void> {
  const ids = [...new Set(scopeIds)];
  const scopes = await listScopes(tx, { ids });
  for (const id of ids) {
    const scope = found(scopes.find((candidate) => candidate.id === id), 'scope', id);
    if (role.type === 'User' && scope.resource.isBuiltIn) {
      throw new AppError('role.management_api_scopes_not_assignable_to_user_role', 400, 'Management API scopes cannot be assigned to a user role.');
    }
  }
  const held = new Set(await listScopeIdsOfRole(tx, role.id));
  const already = ids.find((id) => held.has(id));
  if (already) throw new AppError('role.scope_exists', 422, `The scope ${already} is already in this role.`, { scopeId: already });
  await insertRoleScopes(tx, role.id, ids);
}

/** POST /roles/:id/scopes answers with every scope the role now has, as Logto does. */
export async function addRoleScopes(roleId: string, scopeIds: string[]) {
  const db = await getDb();
  // Never the outer `db` inside the transaction: PGlite runs one connection, and it would wait on itself.
  await db.transaction(async (tx) => addScopesToRole(tx, found(await findRoleById(tx, roleId), 'role', roleId), scopeIds));
  invalidateResourceCaches();
  return (await listScopes(db, { roleId })).map(roleScopeResponse);
}

export async function listRoleScopes(roleId: string, query: Pagination) {
  await loadRole(roleId);
  const db = await getDb();
  const filter = { roleId };
  return paginate(query, { list: (slice) => listScopes(db, filter, slice), count: () => countScopes(db, filter) }, roleScopeResponse);
}

export async function removeRoleScope(roleId: string, scopeId: string): Promise<void> {
  await loadRole(roleId);
  assertRemoved(await deleteRoleScope(await getDb(), roleId, scopeId), `The scope \`${scopeId}\` of this role`);
  invalidateResourceCaches();
}
