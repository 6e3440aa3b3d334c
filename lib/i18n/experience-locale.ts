import { readCookie } from '@/lib/http/cookies';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { defaultLocale, isLocale, pickLocale } from './pick-locale';
import { localizedPath } from './localized-path';
import type { Locale } from './routing';

/** next-intl's cookie: the language a person last picked or was shown (lib/i18n/routing.ts). */
const LOCALE_COOKIE = 'NEXT_LOCALE';

/**
 * The language of the sign-in experience for one authorization request, as Logto's
 * `languageInfo` means it: the app's `ui_locales` when Sesame has one of them; otherwise, with
 * `autoDetect`, the person's earlier pick (the locale cookie), then the browser's Accept-Language;
 * otherwise, or when nothing matches, the operator's `fallbackLanguage`.
 */
export function experienceLocale(params: Record<string, string>, request: Request, languageInfo: SignInExperience['languageInfo']): Locale {
  const requested = pickLocale(params.ui_locales);
  if (requested) return requested;
  const fallback = isLocale(languageInfo.fallbackLanguage) ? languageInfo.fallbackLanguage : defaultLocale;
  if (!languageInfo.autoDetect) return fallback;
  return browserLocale(request) ?? fallback;
}

/** What next-intl's middleware would pick for an unprefixed path: the locale cookie, then Accept-Language. */
function browserLocale(request: Request): Locale | undefined {
  return pickLocale(readCookie(request, LOCALE_COOKIE)) ?? pickLocale(request.headers.get('accept-language'));
}

/**
 * The path of a page in exactly `locale`. The default language's canonical path has no prefix,
 * and there the middleware negotiates again (cookie, then Accept-Language), so a Korean browser
 * sent to `/sign-in` would land on `/ko/sign-in`. When that would happen, the path keeps the
 * `/en` prefix: the middleware then records the choice in the cookie and serves the page in English.
 */
export function pinnedLocalePath(locale: Locale, path: string, request: Request): string {
  const negotiated = browserLocale(request) ?? defaultLocale;
  return locale === defaultLocale && negotiated !== defaultLocale ? `/${locale}${path}` : localizedPath(locale, path);
}
