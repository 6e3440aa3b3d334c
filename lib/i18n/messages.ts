import type { AbstractIntlMessages } from 'next-intl';
import { getDb, type Executor } from '@/db/client';
import { findCustomPhrase } from '@/db/queries/custom-phrases';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { describeError, log } from '@/lib/http/logger';
import { checkTranslation, mergeTranslation, shippedCatalogs } from './custom-phrases';
import type { Locale } from './routing';

// Read by every page; an operator's change on another instance shows within 5 s.
const cache = sharedTtlCache<AbstractIntlMessages>('custom-phrases', 5_000);

/**
 * One locale's messages — the shipped catalog (messages/<locale>.json) with the operator's
 * custom phrases over it — for the App Router's request config, the experience pages and the
 * messages Sesame sends. Phrases are checked again on load, so a message a newer release
 * renamed or changed falls back to the new wording instead of breaking its page. Without a
 * database (an outage) the pages still render, in Sesame's own words.
 */
export async function loadMessages(locale: Locale, db?: Executor): Promise<AbstractIntlMessages> {
  try {
    return await cache.get(locale, async () => {
      const stored = await findCustomPhrase(db ?? (await getDb()), locale);
      if (!stored) return shippedCatalogs[locale];
      const { translation, problems } = checkTranslation(locale, stored.translation);
      if (problems.length > 0) log('warn', 'custom phrases this release cannot use are ignored', { locale, keys: problems.map((p) => p.key) });
      return mergeTranslation(shippedCatalogs[locale], translation);
    });
  } catch (error) {
    log('error', 'custom phrases could not be read; using the shipped messages', { locale, ...describeError(error) });
    return shippedCatalogs[locale];
  }
}

/** After a write of a language's phrases: this instance shows them at once. */
export function forgetCachedMessages(locale: Locale): void {
  cache.invalidate(locale);
}
