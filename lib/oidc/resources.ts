import { getDb } from '@/db/client';
import {
  findDefaultResource,
  findResourceByIndicator,
  listApplicationScopeNames,
  listScopeNames,
  listUserScopeNames,
} from '@/db/queries/resources';
import type { Resource } from '@/db/schema';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { InvalidTarget } from './errors';

export type ResolvedResource = Resource & { scopeNames: string[] };

const byIndicator = sharedTtlCache<ResolvedResource | null>('resources-by-indicator', 30_000);
const grantedScopes = sharedTtlCache<string[]>('granted-scopes', 30_000);

/** RFC 8707: a resource must be an absolute URI without a fragment, and one we know. */
export async function resolveResource(indicator: string): Promise<ResolvedResource> {
  let valid = false;
  try {
    valid = !new URL(indicator).hash;
  } catch {
    valid = false;
  }
  if (!valid) throw new InvalidTarget('resource must be an absolute URI without a fragment');
  const resource = await byIndicator.get(indicator, async () => {
    const db = await getDb();
    const found = await findResourceByIndicator(db, indicator);
    return found ? { ...found, scopeNames: await listScopeNames(db, found.id) } : null;
  });
  if (!resource) throw new InvalidTarget('the requested resource is not registered');
  return resource;
}

export async function defaultResourceIndicator(): Promise<string | undefined> {
  return (await findDefaultResource(await getDb()))?.indicator;
}

/** The scopes of `resource` held through roles by an M2M app (`subject.kind = 'application'`) or a user. */
export function scopesHeldOn(resource: Resource, subject: { kind: 'application' | 'user'; id: string }): Promise<string[]> {
  return grantedScopes.get(`${subject.kind}:${subject.id}:${resource.id}`, async () => {
    const db = await getDb();
    return subject.kind === 'application'
      ? listApplicationScopeNames(db, subject.id, resource.id)
      : listUserScopeNames(db, subject.id, resource.id);
  });
}

/** Any change to resources, scopes, roles or role assignments. */
export function invalidateResourceCaches(): void {
  byIndicator.invalidate();
  grantedScopes.invalidate();
}
