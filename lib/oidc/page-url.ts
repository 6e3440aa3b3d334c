import { env } from '@/lib/env';
import { pinnedLocalePath } from '@/lib/i18n/experience-locale';
import { localizedPath } from '@/lib/i18n/localized-path';
import type { Locale } from '@/lib/i18n/routing';

/**
 * An absolute URL of one of Sesame's localized pages. Without a locale the page negotiates
 * one itself (cookie, then Accept-Language). With a locale and the browser's request, the page
 * is served in that locale whatever the browser prefers (pinnedLocalePath).
 */
export function pageUrl(path: string, options: { locale?: Locale; request?: Request; query?: Record<string, string | undefined> } = {}): string {
  const { locale, request, query = {} } = options;
  const localized = !locale ? path : request ? pinnedLocalePath(locale, path, request) : localizedPath(locale, path);
  const url = new URL(`${env().appUrl}${localized}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
