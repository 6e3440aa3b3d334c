import type { Executor } from '@/db/client';
import { findSetting, findSettingForUpdate, upsertSetting } from '@/db/queries/settings';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { log } from '@/lib/http/logger';
import { defaultSignInExperience, signInExperienceSchema, type SignInExperience } from './schema';

const SETTING_KEY = 'sign-in-experience';

// Read on every page and every Experience API step; a write on another instance shows within 5 s.
const cache = sharedTtlCache<SignInExperience>('sign-in-experience', 5_000, 1);

/**
 * The stored document over the defaults, so a field added by a newer release reads as its
 * default until an operator sets it. A stored document this release cannot read (hand-edited,
 * say) falls back to the defaults rather than locking everyone out, but with registration
 * closed: the defaults allow self-registration, which the operator may have turned off.
 */
export function withDefaults(stored: Record<string, unknown> | undefined): SignInExperience {
  const parsed = signInExperienceSchema.safeParse({ ...defaultSignInExperience, ...stored });
  if (parsed.success) return parsed.data;
  log('error', 'the stored sign-in experience cannot be read; using the defaults with registration closed', {
    fields: parsed.error.issues.map((issue) => issue.path.join('.')),
  });
  return { ...defaultSignInExperience, signInMode: 'SignIn' };
}

/** The configuration in force. */
export function getSignInExperience(db: Executor): Promise<SignInExperience> {
  return cache.get(SETTING_KEY, async () => withDefaults(await findSetting(db, SETTING_KEY)));
}

/** The configuration in force, read past the cache and locked until `tx` ends (for a read-modify-write). */
export async function lockSignInExperience(tx: Executor): Promise<SignInExperience> {
  return withDefaults(await findSettingForUpdate(tx, SETTING_KEY));
}

/** Stores an already validated configuration (validate.ts) and makes this instance see it at once. */
export async function saveSignInExperience(db: Executor, experience: SignInExperience): Promise<void> {
  await upsertSetting(db, SETTING_KEY, experience);
  cache.invalidate();
}

/** After a transaction that saved commits: a read between the save and the commit may have cached the old document. */
export function forgetCachedSignInExperience(): void {
  cache.invalidate();
}
