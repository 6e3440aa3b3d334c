import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// A SPA runs openid-client in the browser: every call to Sesame is cross-origin (Fetch's
// CORS protocol). Simulated here by sending the Origin header a browser would send.
describe('browser apps (CORS)', () => {
  let t: OidcTestApp;
  let spa: CreatedApplication;
  let user: CreatedUser;
  const spaOrigin = 'https://spa.example.com';
  const callback = `${spaOrigin}/callback`;
  const extraOrigin = 'https://admin.example.com';

  beforeAll(async () => {
    t = await startOidcApp();
    spa = await t.management.createApplication({
      type: 'SPA',
      redirectUris: [callback],
      customClientMetadata: { corsAllowedOrigins: [extraOrigin] },
    });
    user = await t.management.createUser();
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  /** openid-client as it runs on a page of `origin`: each request carries Origin; responses are kept for inspection. */
  async function browserRp(origin: string) {
    const rp = await relyingParty(t.app, spa);
    const responses: Response[] = [];
    rp[client.customFetch] = async (url, options) => {
      const response = await fetch(url, { ...(options as RequestInit), headers: { ...(options.headers as Record<string, string>), origin } });
      responses.push(response.clone());
      return response;
    };
    return { rp, responses };
  }

  async function codeFor(rp: client.Configuration, scope = 'openid offline_access') {
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope, prompt: 'consent' });
    return { pending, callback: callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback) };
  }

  it('answers the preflight of the token and revocation endpoints', async () => {
    for (const path of ['/token', '/token/revocation']) {
      const response = await fetch(`${t.issuer}${path}`, {
        method: 'OPTIONS',
        headers: { origin: spaOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    }
  });

  it('lets a SPA redeem, refresh and revoke from the origin of its redirect URI', async () => {
    const { rp, responses } = await browserRp(spaOrigin);
    const { pending, callback: cb } = await codeFor(rp);
    const tokens = await redeem(rp, cb, pending);
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    await client.tokenRevocation(rp, refreshed.refresh_token!);
    // discovery is done by relyingParty() before customFetch is set: three calls here.
    expect(responses).toHaveLength(3);
    for (const response of responses) {
      expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
      expect(response.headers.get('vary')).toMatch(/origin/i);
    }
  });

  it('allows the extra origins an app lists in corsAllowedOrigins', async () => {
    const { rp, responses } = await browserRp(extraOrigin);
    const { pending, callback: cb } = await codeFor(rp, 'openid');
    await redeem(rp, cb, pending);
    expect(responses[0]!.headers.get('access-control-allow-origin')).toBe(extraOrigin);
  });

  it("refuses an origin the app does not own before the code is spent, so the app's own origin can still redeem it", async () => {
    const { pending, callback: cb } = await codeFor(await relyingParty(t.app, spa), 'openid');
    const params = { grant_type: 'authorization_code', code: cb.searchParams.get('code')!, redirect_uri: callback, code_verifier: pending.codeVerifier, client_id: spa.id };
    const evil = await fetch(`${t.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example.com' },
      body: new URLSearchParams(params),
    });
    expect(evil.status).toBe(400);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(await evil.json()).toMatchObject({ error: 'invalid_request' });

    const own = await fetch(`${t.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: spaOrigin },
      body: new URLSearchParams(params),
    });
    expect(own.status).toBe(200);
    expect(await own.json()).toHaveProperty('id_token');
  });

  it('lets the app read its errors (invalid_grant) across origins', async () => {
    const response = await fetch(`${t.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: spaOrigin },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'stale', client_id: spa.id }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('needs no CORS for server-side clients (no Origin header)', async () => {
    const response = await rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: 'stale' }, { id: spa.id });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets any origin read userinfo, its 401 and the WWW-Authenticate challenge included', async () => {
    const { pending, callback: cb } = await codeFor(await relyingParty(t.app, spa), 'openid');
    const tokens = await redeem(await relyingParty(t.app, spa), cb, pending);
    const ok = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}`, origin: spaOrigin } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const bad = await fetch(`${t.issuer}/me`, { headers: { authorization: 'Bearer nope', origin: spaOrigin } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect(bad.headers.get('access-control-expose-headers')).toMatch(/www-authenticate/i);
  });
});
