import { SUPPORTED_SCOPES } from '../claims';
import { findClient, type Client } from '../clients';
import { assertNoDuplicates, readFormParams } from '../endpoints/form-params';
import {
  InvalidRequest,
  InvalidScope,
  OAuthError,
  RequestNotSupported,
  RequestUriNotSupported,
  UnauthorizedClient,
  UnsupportedResponseType,
} from '../errors';
import { isValidChallenge } from '../pkce';
import { resolveResource } from '../resources';
import { parseScope } from '../scope';
import { verifyIdTokenHint } from '../tokens/id-token-hint';
import { isRegisteredRedirectUri } from './redirect-uri';
import type { AuthorizationRequest, ResponseMode } from './request';

/**
 * The authorization endpoint's checks (OIDC Core §3.1.2.2), one small step each, in the
 * order they run. The first two fail on an error page; from `checkResponseType` on, errors
 * are redirected to the client (they know a registered redirect_uri by then).
 */

/** GET query or POST form body (OIDC Core §3.1.2.1); a repeated parameter is invalid (RFC 6749 §3.1). */
export async function readAuthorizationParams(request: Request): Promise<URLSearchParams> {
  const params = request.method === 'POST' ? await readFormParams(request) : new URL(request.url).searchParams;
  assertNoDuplicates(params);
  return params;
}

/** Shown on Sesame's error page, never redirected: the client or its redirect_uri cannot be trusted. */
export class UntrustedClientError extends OAuthError {
  constructor(error: 'invalid_client' | 'invalid_redirect_uri' | 'invalid_request', description: string) {
    super(error, description, 400, false);
  }
}

export async function checkClient(params: URLSearchParams): Promise<Client> {
  const clientId = params.get('client_id');
  if (!clientId) throw new UntrustedClientError('invalid_request', "missing required parameter 'client_id'");
  const client = await findClient(clientId);
  if (!client) throw new UntrustedClientError('invalid_client', 'the client is not registered');
  return client;
}

export function checkRedirectUri(client: Client, params: URLSearchParams): string {
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) throw new UntrustedClientError('invalid_redirect_uri', "missing required parameter 'redirect_uri'");
  if (!isRegisteredRedirectUri(client, redirectUri)) {
    throw new UntrustedClientError('invalid_redirect_uri', 'redirect_uri is not registered for this client');
  }
  return redirectUri;
}

export function checkResponseMode(params: URLSearchParams): ResponseMode {
  const mode = params.get('response_mode') ?? 'query';
  if (mode !== 'query' && mode !== 'form_post') throw new InvalidRequest(`unsupported response_mode '${mode}'`);
  return mode;
}

export function checkClientMayAuthorize(client: Client): void {
  if (client.type === 'MachineToMachine') throw new UnauthorizedClient('machine-to-machine apps cannot use the authorization endpoint');
}

export function checkResponseType(params: URLSearchParams): void {
  const type = params.get('response_type');
  if (!type) throw new InvalidRequest("missing required parameter 'response_type'");
  if (type !== 'code') throw new UnsupportedResponseType(`unsupported response_type '${type}'`);
}

/** OIDC Core §6: request objects are not supported, and say so with the spec's errors. */
export function checkRequestObject(params: URLSearchParams): void {
  if (params.has('request')) throw new RequestNotSupported('request objects are not supported');
  if (params.has('request_uri')) throw new RequestUriNotSupported('request_uri is not supported');
}

/** PKCE (RFC 7636) with S256 only; required for public clients (RFC 9700 §2.1.1). */
export function checkPkce(client: Client, params: URLSearchParams): string | undefined {
  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method');
  if (!challenge) {
    if (method) throw new InvalidRequest('code_challenge_method was sent without a code_challenge');
    if (client.isPublic) throw new InvalidRequest('PKCE is required: send code_challenge with code_challenge_method=S256');
    return undefined;
  }
  if (method !== 'S256') throw new InvalidRequest("code_challenge_method must be 'S256'");
  if (!isValidChallenge(challenge)) throw new InvalidRequest('code_challenge must be a base64url SHA-256 digest');
  return challenge;
}

export async function checkResources(params: URLSearchParams): Promise<{ indicators: string[]; scopes: Set<string> }> {
  const indicators = [...new Set(params.getAll('resource').flatMap((value) => value.split(',')).filter(Boolean))];
  const scopes = new Set<string>();
  for (const indicator of indicators) for (const scope of (await resolveResource(indicator)).scopeNames) scopes.add(scope);
  return { indicators, scopes };
}

/**
 * OIDC Core §3.1.2.1: unknown scope values are ignored. Known ones are the OIDC scopes
 * and the scopes of the requested resources.
 */
export function checkScope(params: URLSearchParams, resourceScopes: Set<string>): string[] {
  const requested = parseScope(params.get('scope'));
  if (requested.length === 0) throw new InvalidScope("missing required parameter 'scope'");
  return requested.filter((scope) => SUPPORTED_SCOPES.includes(scope) || resourceScopes.has(scope));
}

/** OIDC Core §3.1.2.1, and `create` from Initiating User Registration via OpenID Connect 1.0 (advertised in discovery). */
const PROMPTS = new Set(['none', 'login', 'consent', 'create']);

export function checkPrompt(params: URLSearchParams): Set<string> {
  const prompt = new Set(parseScope(params.get('prompt')));
  for (const value of prompt) if (!PROMPTS.has(value)) throw new InvalidRequest(`unsupported prompt value '${value}'`);
  if (prompt.has('none') && prompt.size > 1) throw new InvalidRequest("prompt 'none' cannot be combined with other values");
  return prompt;
}

export function checkMaxAge(params: URLSearchParams): number | undefined {
  const raw = params.get('max_age');
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw new InvalidRequest('max_age must be a non-negative integer');
  return Number(raw);
}

/** OIDC Core §3.1.2.1: a hint must be one of our ID tokens, issued to this client; its subject is who the client expects. */
export async function checkIdTokenHint(client: Client, params: URLSearchParams): Promise<string | undefined> {
  const token = params.get('id_token_hint');
  if (!token) return undefined;
  const hint = await verifyIdTokenHint(token);
  if (!hint.aud.includes(client.id)) throw new InvalidRequest('id_token_hint was not issued to this client');
  return hint.sub;
}

/** Runs the checks in order; returns as much as is known when a redirectable error stops it. */
export async function validateAuthorizationRequest(params: URLSearchParams): Promise<AuthorizationRequest> {
  const client = await checkClient(params);
  const redirectUri = checkRedirectUri(client, params);
  const responseMode = checkResponseMode(params);
  const partial = { client, redirectUri, responseMode, state: params.get('state') ?? undefined };
  try {
    checkClientMayAuthorize(client);
    checkResponseType(params);
    checkRequestObject(params);
    const codeChallenge = checkPkce(client, params);
    const resources = await checkResources(params);
    const scopes = checkScope(params, resources.scopes);
    return {
      ...partial,
      nonce: params.get('nonce') ?? undefined,
      scopes,
      resources: resources.indicators,
      codeChallenge,
      prompt: checkPrompt(params),
      maxAge: checkMaxAge(params),
      hintedSubject: await checkIdTokenHint(client, params),
      params: toRecord(params),
    };
  } catch (error) {
    if (error instanceof OAuthError) throw new RedirectableError(error, partial);
    throw error;
  }
}

/** An OAuth error that goes back to the client's redirect_uri (RFC 6749 §4.1.2.1). */
export class RedirectableError extends Error {
  constructor(
    readonly cause: OAuthError,
    readonly target: Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state'>,
  ) {
    super(cause.message);
  }
}

/** Parameters as a plain record for storage; repeated `resource` values are joined as Logto does. */
function toRecord(params: URLSearchParams): Record<string, string> {
  const record = Object.fromEntries(params);
  const resources = params.getAll('resource');
  if (resources.length > 1) record.resource = resources.join(',');
  return record;
}
