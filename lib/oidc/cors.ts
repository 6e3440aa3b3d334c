import { env } from '@/lib/env';
import { parseBasic } from './client-auth';
import { findClient, type Client } from './clients';
import { InvalidRequest } from './errors';

/**
 * CORS for the endpoints a browser app calls directly: a SPA redeems its code, refreshes
 * and revokes from its own origin. As Logto (oidc-provider's `clientBasedCORS`), an origin
 * is allowed for a client when one of its redirect URIs is on it or the app lists it in
 * `customClientMetadata.corsAllowedOrigins`. Requests carry no cookies here, so the
 * answer never exposes anything a script could not already get with the same credentials.
 */

type Handler = (request: Request, context: unknown) => Promise<Response> | Response;

export function isOriginAllowed(client: Client, origin: string): boolean {
  if (origin === 'null') return false;
  if (client.customClientMetadata.corsAllowedOrigins?.includes(origin)) return true;
  return client.oidcClientMetadata.redirectUris.some((uri) => URL.parse(uri)?.origin === origin);
}

/** Same-origin calls (Sesame's own pages) need no CORS at all. */
function crossOrigin(request: Request): string | undefined {
  const origin = request.headers.get('origin');
  return origin && origin !== new URL(env().appUrl).origin ? origin : undefined;
}

/** The client a request names (Basic credentials or the `client_id` form field), read without consuming the body. */
async function namedClientId(request: Request): Promise<string | undefined> {
  const header = request.headers.get('authorization');
  if (header) {
    try {
      return parseBasic(header)?.clientId;
    } catch {
      return undefined;
    }
  }
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(await request.clone().text()).get('client_id') ?? undefined;
}

/**
 * Wraps a client-authenticated endpoint (token, revocation, introspection). A cross-origin
 * call from an origin the client does not own is refused before anything runs, so a code
 * is not spent on a response the browser would hide; an allowed one gets its answer —
 * errors included, so the app can read `invalid_grant` — with Access-Control-Allow-Origin.
 */
export function withClientCors(handler: Handler): Handler {
  return async (request, context) => {
    const origin = crossOrigin(request);
    if (!origin) return handler(request, context);
    const clientId = await namedClientId(request);
    const client = clientId ? await findClient(clientId) : null;
    if (client && !isOriginAllowed(client, origin)) {
      const refusal = new InvalidRequest(`origin ${origin} is not allowed for this client`).toResponse();
      refusal.headers.set('vary', 'Origin');
      return refusal;
    }
    const response = await handler(request, context);
    response.headers.set('access-control-allow-origin', origin);
    response.headers.set('access-control-expose-headers', 'WWW-Authenticate');
    response.headers.append('vary', 'Origin');
    return response;
  };
}

/**
 * The preflight of those endpoints (Fetch §4.8). The client is not known yet (a preflight
 * has no body), so it is answered for any origin; the real request is checked above.
 */
export function clientCorsPreflight(request: Request): Response {
  const origin = request.headers.get('origin');
  if (!origin || !request.headers.get('access-control-request-method')) return new Response(null, { status: 204 });
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'content-type, authorization',
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  });
}

/**
 * For Bearer endpoints (userinfo): any origin, no cookies. Errors too, with the
 * WWW-Authenticate challenge readable, so an app can tell an expired token from a network error.
 */
export function withPublicCors(handler: Handler): Handler {
  return async (request, context) => {
    const response = await handler(request, context);
    response.headers.set('access-control-allow-origin', '*');
    response.headers.set('access-control-expose-headers', 'WWW-Authenticate');
    return response;
  };
}
