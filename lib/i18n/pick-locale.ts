import { locales, routing, type Locale } from './routing';

/**
 * The first supported locale of a preference list: OIDC `ui_locales` ("ko-KR en")
 * or an Accept-Language header ("ko-KR,ko;q=0.9,en;q=0.8"). Exact tags win over
 * their base language; q-values order the header's entries.
 */
export function pickLocale(preferences: string | null | undefined): Locale | undefined {
  if (!preferences) return undefined;
  const ranked = preferences
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry, index) => {
      const [tag = '', ...params] = entry.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const match = locales.find((locale) => locale === tag || tag.startsWith(`${locale}-`));
    if (match) return match;
  }
  return undefined;
}

export function isLocale(value: string | undefined): value is Locale {
  return locales.includes(value as Locale);
}

export const defaultLocale: Locale = routing.defaultLocale;
