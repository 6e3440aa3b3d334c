import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, redeem, relyingParty, type PendingAuthorization } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

const MINUTE = 60;

/**
 * Lifetimes, observed once everything has outlived them: codes live at most 60 s, JWT access
 * tokens their resource's TTL, and an online grant ends with its session. Every
 * lifetime here is set to the shortest Sesame allows (60 s), and the suite waits it out
 * once (so this file takes a minute), then checks each artifact.
 */
describe('expiry', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let m2m: CreatedApplication;
  let user: CreatedUser;
  let rp: client.Configuration;
  let browser: Browser;
  const callback = rpUrl('/callback');
  const indicator = 'https://reports.example.com';

  let online: Awaited<ReturnType<typeof redeem>>;
  let offline: Awaited<ReturnType<typeof redeem>>;
  let unredeemed: { pending: PendingAuthorization; callback: URL };
  let jwt: string;

  beforeAll(async () => {
    t = await startOidcApp({ SESSION_TTL_SECONDS: String(MINUTE) });
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    m2m = await t.management.createApplication({ type: 'MachineToMachine' });
    const api = await t.management.createResource({ indicator, scopes: ['read'], accessTokenTtl: MINUTE });
    await t.management.createRole({ type: 'MachineToMachine', scopeIds: [api.scopeIds.read!], applicationIds: [m2m.id] });
    user = await t.management.createUser();
    rp = await relyingParty(t.app, web);
    const m2mRp = await relyingParty(t.app, m2m);

    const startedAt = Date.now();
    browser = new Browser(t.app.baseUrl);
    const first = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid' });
    online = await redeem(rp, callbackFrom(await signIn(browser, first.url, user), callback), first);
    const second = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid offline_access', prompt: 'consent' });
    offline = await redeem(rp, callbackFrom(await browser.navigate(second.url), callback), second);
    const third = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid' });
    unredeemed = { pending: third, callback: callbackFrom(await browser.navigate(third.url), callback) };
    jwt = (await client.clientCredentialsGrant(m2mRp, { resource: indicator })).access_token;

    // Everything above is alive now...
    expect(await client.tokenIntrospection(rp, online.access_token)).toMatchObject({ active: true });
    expect(await client.tokenIntrospection(m2mRp, jwt)).toMatchObject({ active: true });
    // ...and all of it was created after `startedAt`: one minute from then (plus a second
    // of rounding, as JWTs count whole seconds) outlives every 60 s lifetime.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + (MINUTE + 2) * 1000 - Date.now())));
  }, 180_000);

  afterAll(async () => {
    await t?.app.stop();
  });

  it('refuses an authorization code older than 60 s', async () => {
    const response = await rawTokenRequest(
      t.app,
      {
        grant_type: 'authorization_code',
        code: unredeemed.callback.searchParams.get('code')!,
        redirect_uri: callback,
        code_verifier: unredeemed.pending.codeVerifier,
      },
      web,
    );
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('reports an expired JWT access token as inactive', async () => {
    expect(await client.tokenIntrospection(await relyingParty(t.app, m2m), jwt)).toEqual({ active: false });
  });

  it('ends the session: prompt=none needs a login again', async () => {
    const pending = await authorizationRequest(rp, { redirectUri: callback, prompt: 'none' });
    const refused = callbackFrom(await browser.navigate(pending.url), callback);
    expect(refused.searchParams.get('error')).toBe('login_required');
  });

  it('ends the tokens of an online grant with the session: inactive, userinfo 401', async () => {
    expect(await client.tokenIntrospection(rp, online.access_token)).toEqual({ active: false });
    const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${online.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it('keeps offline access beyond the session: the refresh token still works', async () => {
    const refreshed = await client.refreshTokenGrant(rp, offline.refresh_token!);
    expect(refreshed.claims()).toMatchObject({ sub: user.id, auth_time: offline.claims()!.auth_time });
    expect(await client.fetchUserInfo(rp, refreshed.access_token, user.id)).toEqual({ sub: user.id });
  });
});
