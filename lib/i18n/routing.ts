import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'ko'] as const;
export type Locale = (typeof locales)[number];

/**
 * English at `/`, other languages under their prefix (`/ko/...`). Without a prefix the
 * locale comes from the NEXT_LOCALE cookie, then Accept-Language; the OIDC
 * `ui_locales` parameter is turned into a prefixed URL by the authorization hand-off.
 */
export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  localePrefix: 'as-needed',
  // next-intl 4 keeps NEXT_LOCALE for the browser session only; a language picked in
  // the switcher should still apply when the person comes back next week to sign in.
  localeCookie: { maxAge: 60 * 60 * 24 * 365 },
});
