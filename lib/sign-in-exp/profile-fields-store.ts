import type { Executor } from '@/db/client';
import { listCustomProfileFields } from '@/db/queries/custom-profile-fields';
import type { CustomProfileField } from '@/db/schema';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';

// Read by registrations and their pages; a change on another instance shows within 5 s.
const cache = sharedTtlCache<CustomProfileField[]>('custom-profile-fields', 5_000, 1);

/** The fields registration asks for, in order. */
export function getProfileFields(db: Executor): Promise<CustomProfileField[]> {
  return cache.get('all', () => listCustomProfileFields(db));
}

/** After a write: this instance sees it at once. */
export function forgetCachedProfileFields(): void {
  cache.invalidate();
}
