import { afterAll, beforeAll, expect } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, redeem, relyingParty, type PendingAuthorization } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

/**
 * What the refusal suites share (RFC 6749 §4.1.2.1 and §5.2, RFC 7636, RFC 6750 §3, OIDC Core
 * §3.1.2.6 and §6): a server with a confidential web app and a public SPA, a user, one browser
 * signed in, and helpers to spoil requests and check the answers. Each test file runs in its
 * own process, so these live bindings are that file's world; `useRefusalsWorld()` fills them.
 */
export let t: OidcTestApp;
export let web: CreatedApplication;
export let spa: CreatedApplication;
export let user: CreatedUser;
export let browser: Browser;
export let webRp: client.Configuration;
export let spaRp: client.Configuration;
export const webCallback = rpUrl('/web/callback');
export const spaCallback = rpUrl('/spa/callback');

export function useRefusalsWorld(): void {
  beforeAll(async () => {
    t = await startOidcApp();
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback] });
    spa = await t.management.createApplication({ type: 'SPA', redirectUris: [spaCallback] });
    user = await t.management.createUser();
    webRp = await relyingParty(t.app, web);
    spaRp = await relyingParty(t.app, spa);
    // One signed-in browser: later authorizations get their code without the sign-in page.
    browser = new Browser(t.app.baseUrl);
    const pending = await authorizationRequest(webRp, { redirectUri: webCallback });
    await redeem(webRp, callbackFrom(await signIn(browser, pending.url, user), webCallback), pending);
  });

  afterAll(async () => {
    await t?.app.stop();
  });
}

/** GET /oidc/auth with exactly these parameters (openid-client would add its own). */
export const authorize = (params: Record<string, string>, from = browser) =>
  from.navigate(`${t.issuer}/auth?${new URLSearchParams(params)}`);

/** A well-formed request of the SPA, to be spoiled by `changes` (undefined removes a parameter). */
export async function spaParams(changes: Record<string, string | undefined> = {}) {
  const params: Record<string, string | undefined> = {
    client_id: spa.id,
    response_type: 'code',
    redirect_uri: spaCallback,
    scope: 'openid',
    state: 'state-123',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    ...changes,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Sesame's own error page: where an untrusted client or redirect_uri ends up. */
export function expectErrorPage(hop: { response: Response; location?: URL }, code: string) {
  expect(hop.response.status).toBe(303);
  expect(hop.location?.origin).toBe(t.app.baseUrl);
  expect(hop.location?.pathname).toMatch(/\/error$/);
  expect(hop.location?.searchParams.get('code')).toBe(code);
}

/** An error redirected to the client with state and iss (RFC 6749 §4.1.2.1, RFC 9207). */
export function expectRedirectedError(hop: { location?: URL }, redirectUri: string, error: string, state = 'state-123') {
  const callback = callbackFrom(hop as Parameters<typeof callbackFrom>[0], redirectUri);
  expect(callback.searchParams.get('error')).toBe(error);
  expect(callback.searchParams.get('error_description')).toEqual(expect.any(String));
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(t.issuer);
  expect(callback.searchParams.has('code')).toBe(false);
}

/** A code for the web app from the signed-in browser. */
export async function webCode(extra: Record<string, string> = {}): Promise<{ pending: PendingAuthorization; callback: URL }> {
  const pending = await authorizationRequest(webRp, { redirectUri: webCallback, ...extra });
  return { pending, callback: callbackFrom(await browser.navigate(pending.url), webCallback) };
}

/**
 * The token request that redeems an issued code as the web app would (its callback, and its PKCE
 * verifier when there was one), with `changes` to spoil it; an undefined change leaves the parameter out.
 */
export function codeRedemption(issued: { callback: URL; pending?: PendingAuthorization }, changes: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    grant_type: 'authorization_code',
    code: issued.callback.searchParams.get('code') ?? undefined,
    redirect_uri: webCallback,
    code_verifier: issued.pending?.codeVerifier,
    ...changes,
  };
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
