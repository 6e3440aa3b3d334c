import { routing, type Locale } from './routing';

/**
 * A path of ours in `locale`, as the middleware serves it: the default language without a
 * prefix (`/sign-in`), the others under theirs (`/ko/sign-in`). For plain links and redirects
 * outside the App Router, where next-intl's navigation helpers are not available.
 */
export const localizedPath = (locale: Locale, path: string) => (locale === routing.defaultLocale ? path : `/${locale}${path}`);

/** The part of a request path after its locale prefix (`/ko/sign-in?x=1` → `/sign-in?x=1`). */
export function withoutLocale(path: string): string {
  for (const locale of routing.locales) {
    if (path === `/${locale}` || path.startsWith(`/${locale}/`) || path.startsWith(`/${locale}?`)) return path.slice(locale.length + 1) || '/';
  }
  return path;
}
