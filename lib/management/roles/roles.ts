import { getDb } from '@/db/client';
import { countRoles, deleteRole, findRoleById, insertRole, listRoles, updateRole, type RoleFilter } from '@/db/queries/roles';
import type { Role } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { generateId } from '@/lib/security/ids';
import type { z } from 'zod';
import { epochMs } from '../dates';
import { assertFound, found, withUniqueErrors } from '../errors';
import { paginate } from '../pagination';
import { addScopesToRole } from './role-scopes';
import type { createRoleBody, ListRolesQuery, updateRoleBody } from './schemas';

export function roleResponse({ id, name, description, type, createdAt }: Role) {
  return { id, name, description, type, createdAt: epochMs(createdAt) };
}

const nameInUse = { roles_name_key: () => new AppError('role.name_in_use', 422, 'This role name is already in use.') };

/** The role and its scopes are created together or not at all. */
export async function createRole({ scopeIds, ...fields }: z.infer<typeof createRoleBody>) {
  const db = await getDb();
  const role = await withUniqueErrors(
    () =>
      db.transaction(async (tx) => {
        const created = await insertRole(tx, { id: generateId(), ...fields });
        if (scopeIds) await addScopesToRole(tx, created, scopeIds);
        return created;
      }),
    nameInUse,
  );
  if (scopeIds) invalidateResourceCaches();
  return roleResponse(role);
}

export async function listRolePage({ page, page_size, ...filter }: ListRolesQuery & RoleFilter) {
  const db = await getDb();
  return paginate({ page, page_size }, { list: (slice) => listRoles(db, filter, slice), count: () => countRoles(db, filter) }, roleResponse);
}

export async function loadRole(id: string): Promise<Role> {
  return found(await findRoleById(await getDb(), id), 'role', id);
}

export async function updateRoleFields(id: string, changes: z.infer<typeof updateRoleBody>) {
  if (Object.keys(changes).length === 0) return roleResponse(await loadRole(id));
  const db = await getDb();
  return roleResponse(found(await withUniqueErrors(() => updateRole(db, id, changes), nameInUse), 'role', id));
}

export async function removeRole(id: string): Promise<void> {
  assertFound(await deleteRole(await getDb(), id), 'role', id);
  invalidateResourceCaches();
}
