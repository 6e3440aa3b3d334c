import type { z } from 'zod';
import { getDb } from '@/db/client';
import { countResources, deleteResource, findResourceById, insertResource, listResources, setDefaultResource, updateResource } from '@/db/queries/resources';
import { listScopes } from '@/db/queries/scopes';
import type { Resource } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { generateId } from '@/lib/security/ids';
import { epochMs } from '../dates';
import { assertFound, found, withUniqueErrors } from '../errors';
import { paginate } from '../pagination';
import type { createResourceBody, listResourcesQuery, updateResourceBody } from './schemas';
import { scopeResponse } from './scopes';

export function resourceResponse({ id, name, indicator, accessTokenTtl, isDefault, isBuiltIn, createdAt }: Resource) {
  return { id, name, indicator, accessTokenTtl, isDefault, isBuiltIn, createdAt: epochMs(createdAt) };
}

export async function loadResource(id: string): Promise<Resource> {
  return found(await findResourceById(await getDb(), id), 'resource', id);
}

/**
 * The built-in Management API resource is defined by Sesame itself: changing its scopes,
 * TTL or default flag could lock every operator out, so it is read-only (403).
 */
export function assertNotBuiltIn(resource: Resource, action: 'modify' | 'delete'): void {
  if (resource.isBuiltIn) {
    throw new AppError(`resource.cannot_${action}_management_api`, 403, `The Management API resource cannot be ${action === 'delete' ? 'deleted' : 'modified'}.`);
  }
}

const indicatorInUse = {
  resources_indicator_key: () => new AppError('resource.resource_identifier_in_use', 422, 'This API identifier is already in use.'),
};

export async function createResource(body: z.infer<typeof createResourceBody>) {
  const resource = await withUniqueErrors(async () => insertResource(await getDb(), { id: generateId(), ...body }), indicatorInUse);
  invalidateResourceCaches();
  return { ...resourceResponse(resource), scopes: [] };
}

/** `?includeScopes=true` attaches each resource's scopes (one extra query for the whole page). */
export async function listResourcePage({ includeScopes, ...pagination }: z.infer<typeof listResourcesQuery>) {
  const db = await getDb();
  const { items: rows, total } = await paginate(pagination, { list: (slice) => listResources(db, slice), count: () => countResources(db) }, (row) => row);
  const scopes = includeScopes === 'true' ? await listScopes(db, { resourceIds: rows.map((row) => row.id) }) : undefined;
  const items = rows.map((row) => ({
    ...resourceResponse(row),
    ...(scopes && { scopes: scopes.filter((scope) => scope.resourceId === row.id).map(scopeResponse) }),
  }));
  return { items, total };
}

export async function updateResourceFields(id: string, changes: z.infer<typeof updateResourceBody>) {
  assertNotBuiltIn(await loadResource(id), 'modify');
  const updated = found(await updateResource(await getDb(), id, changes), 'resource', id);
  invalidateResourceCaches();
  return resourceResponse(updated);
}

/** One default resource at most: setting it clears the flag everywhere else in the same statement. */
export async function setResourceDefault(id: string, isDefault: boolean) {
  assertNotBuiltIn(await loadResource(id), 'modify');
  const db = await getDb();
  await setDefaultResource(db, id, isDefault);
  invalidateResourceCaches();
  return resourceResponse(await loadResource(id));
}

export async function removeResource(id: string): Promise<void> {
  assertNotBuiltIn(await loadResource(id), 'delete');
  assertFound(await deleteResource(await getDb(), id), 'resource', id);
  invalidateResourceCaches();
}
