import * as client from 'openid-client';
import type { AppServer } from '../app-server';
import type { CreatedApplication } from './management';

/**
 * openid-client (v6) configured as each kind of Sesame app would configure it: discovery
 * from the issuer, client_secret_basic for confidential apps, `none` for public ones.
 * The test servers run on http://localhost, hence allowInsecureRequests.
 */

export const issuerOf = (app: Pick<AppServer, 'baseUrl'>) => `${app.baseUrl}/oidc`;

export async function relyingParty(
  app: Pick<AppServer, 'baseUrl'>,
  application: Pick<CreatedApplication, 'id' | 'secret'>,
  auth: 'client_secret_basic' | 'client_secret_post' | 'none' = application.secret ? 'client_secret_basic' : 'none',
): Promise<client.Configuration> {
  const authentication =
    auth === 'none'
      ? client.None()
      : auth === 'client_secret_post'
        ? client.ClientSecretPost(application.secret)
        : client.ClientSecretBasic(application.secret);
  return client.discovery(new URL(issuerOf(app)), application.id, {}, authentication, { execute: [client.allowInsecureRequests] });
}

/** What an RP keeps in its session between the redirect and the callback. */
export interface PendingAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** An authorization request with state, nonce and an S256 PKCE challenge (extra parameters win). */
export async function authorizationRequest(
  config: client.Configuration,
  input: { redirectUri: string; scope?: string; [parameter: string]: string | undefined },
): Promise<PendingAuthorization> {
  const { redirectUri, scope, ...extra } = input;
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: scope ?? 'openid profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) parameters[name] = value;
  return { url: client.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier, redirectUri };
}

/** The code exchange with every check openid-client offers: state, nonce, PKCE, iss (RFC 9207), ID token. */
export function redeem(config: client.Configuration, callback: URL | Request, pending: PendingAuthorization, maxAge?: number) {
  return client.authorizationCodeGrant(config, callback, {
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    pkceCodeVerifier: pending.codeVerifier,
    idTokenExpected: true,
    ...(maxAge !== undefined ? { maxAge } : {}),
  });
}

/** POSTs a form to the token endpoint by hand, for requests openid-client would refuse to make. */
export async function rawTokenRequest(
  app: Pick<AppServer, 'baseUrl'>,
  params: Record<string, string>,
  credentials?: { id: string; secret?: string },
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const form = new URLSearchParams(params);
  if (credentials?.secret) {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(credentials.id)}:${encodeURIComponent(credentials.secret)}`).toString('base64')}`;
  } else if (credentials) {
    form.set('client_id', credentials.id);
  }
  const response = await fetch(`${issuerOf(app)}/token`, { method: 'POST', headers, body: form });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

export { client };
