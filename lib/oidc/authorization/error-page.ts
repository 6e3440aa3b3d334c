import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/handle-route';
import { experienceLocale } from '@/lib/i18n/experience-locale';
import type { Locale } from '@/lib/i18n/routing';
import { defaultSignInExperience } from '@/lib/sign-in-exp/schema';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import { OAuthError } from '../errors';
import { pageUrl } from '../page-url';

/**
 * Errors that cannot go back to the client (unknown client, unregistered redirect_uri,
 * an expired interaction) are shown to the person on Sesame's localized error page
 * (RFC 6749 §4.1.2.1: never redirect to an unverified URI).
 */
export function handleAuthorizationRoute(handler: (request: Request) => Promise<Response>) {
  return handleRoute(async (request: Request) => {
    try {
      return await handler(request);
    } catch (error) {
      const code = error instanceof OAuthError ? `oidc.${error.error}` : error instanceof AppError ? error.code : undefined;
      if (!code) throw error;
      const page = pageUrl('/error', { locale: await errorPageLocale(request), request, query: { code, request_id: request.headers.get('x-request-id') ?? randomUUID() } });
      return new Response(null, { status: 303, headers: { location: page, 'cache-control': 'no-store' } });
    }
  });
}

/**
 * The error page speaks the sign-in experience's language, by the same rule as its other
 * pages (`ui_locales`, then `languageInfo`). When the configuration cannot be read (the error
 * may be the database's), it still answers, negotiating from the browser alone.
 */
async function errorPageLocale(request: Request): Promise<Locale> {
  const uiLocales = new URL(request.url).searchParams.get('ui_locales');
  const params: Record<string, string> = uiLocales ? { ui_locales: uiLocales } : {};
  const languageInfo = await getDb()
    .then(getSignInExperience)
    .then((config) => config.languageInfo)
    .catch(() => defaultSignInExperience.languageInfo);
  return experienceLocale(params, request, languageInfo);
}
