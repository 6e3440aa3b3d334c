import { getDb } from '@/db/client';
import { pickLocale } from '@/lib/i18n/pick-locale';
import type { Locale } from '@/lib/i18n/routing';
import { isValidCsrfToken } from '@/lib/security/csrf';
import { findClient, type Client } from '../clients';
import { InvalidRequest } from '../errors';
import { terminateSession, type Termination } from '../logout';
import { loadSession } from '../sessions';
import { pageUrl } from '../page-url';
import { verifyIdTokenHint } from '../tokens/id-token-hint';
import { readFormParams } from './form-params';

export type EndSessionResult = { response: Response; afterResponse?: () => Promise<void> };

type LogoutRequest = {
  client?: Client;
  postLogoutRedirectUri?: string;
  state?: string;
  /** The app's `ui_locales` for Sesame's own pages, and the browser's request they are pinned for. */
  locale?: Locale;
  request: Request;
  hint?: { sub?: string; sid?: string };
};

/**
 * GET|POST /oidc/session/end (OIDC RP-Initiated Logout 1.0). With a valid id_token_hint
 * the session ends at once and the browser is redirected — no page, no script. Without
 * one, the person is asked to confirm, so a stray link cannot sign them out silently.
 */
export async function endSessionEndpoint(request: Request): Promise<EndSessionResult> {
  const params = request.method === 'POST' ? await readFormParams(request) : new URL(request.url).searchParams;
  const logout = await validateLogoutRequest(params, request);
  const db = await getDb();
  const session = await loadSession(db, request);
  if (!session) return { response: finish(logout, { cookies: [] }) };
  if (logout.hint && (logout.hint.sid === session.sid || logout.hint.sub === session.userId)) {
    const termination = await terminateSession(db, request);
    return { response: finish(logout, termination), afterResponse: termination.deliver };
  }
  return { response: redirect(confirmPageUrl(params, logout)) };
}

/** POST /oidc/session/end/confirm: the confirmation form (CSRF token bound to the session). */
export async function confirmEndSessionEndpoint(request: Request): Promise<EndSessionResult> {
  const params = await readFormParams(request);
  const logout = await validateLogoutRequest(params, request);
  const db = await getDb();
  const session = await loadSession(db, request);
  if (!session) return { response: finish(logout, { cookies: [] }) };
  // Declined: back to the app if it said where, else to Sesame's home page — not to "signed out".
  if (params.get('logout') !== 'yes') return { response: redirect(logout.postLogoutRedirectUri ?? pageUrl('/', pageOptions(logout))) };
  if (!isValidCsrfToken(session.id, params.get('xsrf'))) throw new InvalidRequest('the sign-out form has expired; reload the page and try again');
  const termination = await terminateSession(db, request);
  return { response: finish(logout, termination), afterResponse: termination.deliver };
}

async function validateLogoutRequest(params: URLSearchParams, request: Request): Promise<LogoutRequest> {
  const hintToken = params.get('id_token_hint');
  const hint = hintToken ? await verifyIdTokenHint(hintToken) : undefined;
  const clientIdParam = params.get('client_id');
  if (clientIdParam && hint && !hint.aud.includes(clientIdParam)) {
    throw new InvalidRequest('client_id does not match the id_token_hint audience');
  }
  const clientId = clientIdParam ?? hint?.aud[0];
  const client = clientId ? await findClient(clientId) : undefined;
  if (clientId && !client) throw new InvalidRequest('the client is not registered');
  const postLogoutRedirectUri = params.get('post_logout_redirect_uri') ?? undefined;
  if (postLogoutRedirectUri) {
    if (!client) throw new InvalidRequest('post_logout_redirect_uri needs id_token_hint or client_id');
    // Exact match only (RP-Initiated Logout §3).
    if (!client.oidcClientMetadata.postLogoutRedirectUris.includes(postLogoutRedirectUri)) {
      throw new InvalidRequest('post_logout_redirect_uri is not registered for this client');
    }
  }
  return { client: client ?? undefined, postLogoutRedirectUri, state: params.get('state') ?? undefined, locale: pickLocale(params.get('ui_locales')), request, hint };
}

function finish(logout: LogoutRequest, termination: Termination): Response {
  let location: string;
  if (logout.postLogoutRedirectUri) {
    const url = new URL(logout.postLogoutRedirectUri);
    if (logout.state !== undefined) url.searchParams.set('state', logout.state);
    location = url.toString();
  } else {
    location = pageUrl('/signed-out', { ...pageOptions(logout), query: logout.client ? { client_id: logout.client.id } : {} });
  }
  const response = redirect(location);
  for (const cookie of termination.cookies) response.headers.append('set-cookie', cookie);
  return response;
}

function confirmPageUrl(params: URLSearchParams, logout: LogoutRequest): string {
  const carried: Record<string, string> = {};
  for (const name of ['client_id', 'post_logout_redirect_uri', 'state', 'ui_locales']) {
    const value = params.get(name);
    if (value) carried[name] = value;
  }
  return pageUrl('/sign-out', { ...pageOptions(logout), query: carried });
}

const pageOptions = ({ locale, request }: LogoutRequest) => ({ locale, request });

const redirect = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
