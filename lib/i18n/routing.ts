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
});
