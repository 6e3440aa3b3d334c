import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { handleRoute } from '@/lib/http/handle-route';
import { pickLocale } from '@/lib/i18n/pick-locale';
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
      const locale = pickLocale(new URL(request.url).searchParams.get('ui_locales')) ?? pickLocale(request.headers.get('accept-language'));
      const page = pageUrl('/error', { locale, request, query: { code, request_id: request.headers.get('x-request-id') ?? randomUUID() } });
      return new Response(null, { status: 303, headers: { location: page, 'cache-control': 'no-store' } });
    }
  });
}
