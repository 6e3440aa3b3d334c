import type { z } from 'zod';
import { getDb } from '@/db/client';
import { countScopes, deleteScope, findScopeOfResource, insertScope, listScopes, updateScope } from '@/db/queries/scopes';
import type { Scope } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { generateId } from '@/lib/security/ids';
import { epochMs } from '../dates';
import { assertFound, found, withUniqueErrors } from '../errors';
import { paginate, type Pagination } from '../pagination';
import { assertNotBuiltIn, loadResource } from './resources';
import type { createScopeBody, updateScopeBody } from './schemas';

export function scopeResponse({ id, resourceId, name, description, createdAt }: Scope) {
  return { id, resourceId, name, description, createdAt: epochMs(createdAt) };
}

const nameInUse = { scopes_resource_id_name_key: () => new AppError('scope.name_exists', 422, 'This scope name is already in use.') };

export async function listResourceScopes(resourceId: string, query: Pagination) {
  await loadResource(resourceId);
  const db = await getDb();
  const filter = { resourceIds: [resourceId] };
  return paginate(query, { list: (slice) => listScopes(db, filter, slice), count: () => countScopes(db, filter) }, scopeResponse);
}

export async function createScope(resourceId: string, body: z.infer<typeof createScopeBody>) {
  assertNotBuiltIn(await loadResource(resourceId), 'modify');
  const scope = await withUniqueErrors(async () => insertScope(await getDb(), { id: generateId(), resourceId, ...body }), nameInUse);
  invalidateResourceCaches();
  return scopeResponse(scope);
}

/** A scope is addressed through its resource: a scope id under another resource is 404. */
async function loadScopeForChange(resourceId: string, scopeId: string) {
  assertNotBuiltIn(await loadResource(resourceId), 'modify');
  return found(await findScopeOfResource(await getDb(), resourceId, scopeId), 'scope', scopeId);
}

export async function updateScopeFields(resourceId: string, scopeId: string, changes: z.infer<typeof updateScopeBody>) {
  const scope = await loadScopeForChange(resourceId, scopeId);
  if (Object.keys(changes).length === 0) return scopeResponse(scope);
  const updated = await withUniqueErrors(async () => updateScope(await getDb(), scopeId, changes), nameInUse);
  invalidateResourceCaches();
  return scopeResponse(found(updated, 'scope', scopeId));
}

export async function removeScope(resourceId: string, scopeId: string): Promise<void> {
  await loadScopeForChange(resourceId, scopeId);
  assertFound(await deleteScope(await getDb(), scopeId), 'scope', scopeId);
  invalidateResourceCaches();
}
