import { env } from '@/lib/env';
import { defaultLocale } from '@/lib/i18n/pick-locale';

/**
 * An absolute URL of one of Sesame's localized pages. The default locale has no prefix;
 * without a locale the page negotiates one itself (cookie, then Accept-Language).
 */
export function pageUrl(path: string, locale?: string, query: Record<string, string | undefined> = {}): string {
  const prefix = locale && locale !== defaultLocale ? `/${locale}` : '';
  const url = new URL(`${env().appUrl}${prefix}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
