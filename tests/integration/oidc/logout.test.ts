import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackchannelReceiver } from '../../support/oidc/backchannel-receiver';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, parseForm, signIn } from '../../support/oidc/sign-in';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

// OpenID Connect RP-Initiated Logout 1.0 and Back-Channel Logout 1.0.
describe('sign-out', () => {
  let t: OidcTestApp;
  let receiver: Awaited<ReturnType<typeof startBackchannelReceiver>>;
  let web: CreatedApplication;
  let spa: CreatedApplication;
  let user: CreatedUser;
  const webCallback = rpUrl('/web/callback');
  const spaCallback = rpUrl('/spa/callback');
  const signedOut = rpUrl('/signed-out');

  beforeAll(async () => {
    receiver = await startBackchannelReceiver();
    t = await startOidcApp();
    web = await t.management.createApplication({
      type: 'Traditional',
      redirectUris: [webCallback],
      postLogoutRedirectUris: [signedOut],
      backchannelLogoutUri: receiver.uri('web'),
      backchannelLogoutSessionRequired: true,
    });
    spa = await t.management.createApplication({
      type: 'SPA',
      redirectUris: [spaCallback],
      postLogoutRedirectUris: [signedOut],
      backchannelLogoutUri: receiver.uri('spa'),
    });
    user = await t.management.createUser();
  });

  afterAll(async () => {
    await t?.app.stop();
    await receiver?.stop();
  });

  /** Signs in to the web app (online access only) and then the SPA (offline access) in one browser. */
  async function signedInBrowser() {
    const browser = new Browser(t.app.baseUrl);
    const webRp = await relyingParty(t.app, web);
    const webPending = await authorizationRequest(webRp, { redirectUri: webCallback, scope: 'openid' });
    const webTokens = await redeem(webRp, callbackFrom(await signIn(browser, webPending.url, user), webCallback), webPending);
    const spaRp = await relyingParty(t.app, spa);
    const spaPending = await authorizationRequest(spaRp, { redirectUri: spaCallback, scope: 'openid offline_access', prompt: 'consent' });
    const spaTokens = await redeem(spaRp, callbackFrom(await browser.navigate(spaPending.url), spaCallback), spaPending);
    return { browser, webRp, webTokens, spaRp, spaTokens };
  }

  /** A `prompt=none` authorization from this browser: the callback URL it ends at. */
  async function silentAuthorization(browser: Browser, rp: client.Configuration) {
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, prompt: 'none' });
    return { pending, callback: callbackFrom(await browser.navigate(pending.url), webCallback) };
  }

  async function expectSignedOut(browser: Browser, rp: client.Configuration) {
    const { pending, callback } = await silentAuthorization(browser, rp);
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.get('state')).toBe(pending.state);
    expect(callback.searchParams.get('iss')).toBe(t.issuer);
    await expect(redeem(rp, callback, pending)).rejects.toMatchObject({ error: 'login_required' });
  }

  async function expectSignedIn(browser: Browser, rp: client.Configuration) {
    const { pending, callback } = await silentAuthorization(browser, rp);
    const tokens = await redeem(rp, callback, pending);
    expect(tokens.claims()!.sub).toBe(user.id);
  }

  it('with id_token_hint: redirects straight to post_logout_redirect_uri with state, and prompt=none then needs a login', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const url = client.buildEndSessionUrl(webRp, {
      id_token_hint: webTokens.id_token!,
      post_logout_redirect_uri: signedOut,
      state: 'af0ifjsldkj',
    });
    const response = await browser.fetch(url);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${signedOut}?state=af0ifjsldkj`);
    expect(await response.text()).toBe(''); // no page, no script
    expect(browser.cookie('sesame_session')).toBeUndefined();
    await expectSignedOut(browser, webRp);
  });

  it('ends the tokens issued without offline access, keeps the offline ones', async () => {
    const { browser, webRp, webTokens, spaRp, spaTokens } = await signedInBrowser();
    await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: webTokens.id_token!, post_logout_redirect_uri: signedOut }));
    const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${webTokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(userinfo.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    const refreshed = await client.refreshTokenGrant(spaRp, spaTokens.refresh_token!);
    expect(refreshed.claims()!.sub).toBe(user.id);
  });

  it('sends a signed logout_token to every app of the session over the back channel', async () => {
    const { browser, webRp, webTokens, spaTokens } = await signedInBrowser();
    const sid = webTokens.claims()!.sid as string;
    expect(sid).toEqual(expect.any(String));
    expect(spaTokens.claims()!.sid).toBe(sid);

    await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: webTokens.id_token!, post_logout_redirect_uri: signedOut }));

    const jwks = createRemoteJWKSet(new URL(`${t.issuer}/jwks`));
    for (const [name, application] of [['web', web], ['spa', spa]] as const) {
      const delivery = (await receiver.forSession(name, sid))[0]!;
      expect(delivery.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      const logoutToken = delivery.form.get('logout_token')!;
      expect(decodeProtectedHeader(logoutToken)).toMatchObject({ typ: 'logout+jwt', alg: 'RS256' });
      // Back-Channel Logout §2.6: the RP validates it like an ID token, with typ logout+jwt.
      const { payload } = await jwtVerify(logoutToken, jwks, { issuer: t.issuer, audience: application.id, typ: 'logout+jwt' });
      expect(payload).toMatchObject({ sub: user.id, sid, events: { [LOGOUT_EVENT]: {} } });
      expect(payload.iat).toEqual(expect.any(Number));
      expect(payload.jti).toEqual(expect.any(String));
      expect(payload).not.toHaveProperty('nonce');
    }
  });

  it('without id_token_hint: asks the user to confirm, and the session lives on until they do', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const url = client.buildEndSessionUrl(webRp, { client_id: web.id, post_logout_redirect_uri: signedOut, state: 'xyz' });
    const response = await browser.fetch(url);
    expect(response.status).toBe(303);
    const page = new URL(response.headers.get('location')!);
    expect(page.origin).toBe(t.app.baseUrl);
    expect(page.pathname).toMatch(/\/sign-out$/);

    const confirmation = await browser.fetch(page);
    expect(confirmation.status).toBe(200);
    expect(confirmation.headers.get('content-type')).toMatch(/^text\/html/);
    const form = parseForm(await confirmation.text(), /\/oidc\/session\/end\/confirm$/);
    expect(form.method).toBe('post');
    await expectSignedIn(browser, webRp);

    form.fields.set('logout', 'yes');
    const confirmed = await browser.fetch(new URL(form.action, t.app.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.app.baseUrl },
      body: form.fields,
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${signedOut}?state=xyz`);
    await expectSignedOut(browser, webRp);
    // The confirmed sign-out tells the apps over the back channel as well.
    const delivery = (await receiver.forSession('web', webTokens.claims()!.sid as string))[0]!;
    const { payload } = await jwtVerify(delivery.form.get('logout_token')!, createRemoteJWKSet(new URL(`${t.issuer}/jwks`)), {
      issuer: t.issuer,
      audience: web.id,
    });
    expect(payload).toMatchObject({ sub: user.id, events: { [LOGOUT_EVENT]: {} } });
  });

  it('keeps the session signed out server-side: the old cookie, replayed, signs no one in', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const stolen = browser.clone();
    await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: webTokens.id_token!, post_logout_redirect_uri: signedOut }));
    expect(stolen.cookie('sesame_session')).toBeDefined();
    await expectSignedOut(stolen, webRp);
  });

  it('retries a back-channel delivery the app failed to take (bounded retries)', async () => {
    // An app of its own, so no other test's delivery meets the planned failures.
    const flaky = await t.management.createApplication({
      type: 'Traditional',
      redirectUris: [webCallback],
      postLogoutRedirectUris: [signedOut],
      backchannelLogoutUri: receiver.uri('flaky'),
    });
    receiver.failNext('flaky', 503, 502);
    const rp = await relyingParty(t.app, flaky);
    const browser = new Browser(t.app.baseUrl);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback });
    const tokens = await redeem(rp, callbackFrom(await signIn(browser, pending.url, user), webCallback), pending);
    await browser.fetch(client.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: signedOut }));

    const [failed, failedAgain, retried] = await receiver.forSession('flaky', tokens.claims()!.sid as string, 3);
    expect([failed!.status, failedAgain!.status]).toEqual([503, 502]);
    expect(retried!.status).toBe(200);
    expect(retried!.form.get('logout_token')).toBe(failed!.form.get('logout_token'));
  });

  it('refuses a confirmation without the form token (CSRF), and the session lives on', async () => {
    const { browser, webRp } = await signedInBrowser();
    const forged = await browser.fetch(`${t.issuer}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout: 'yes', client_id: web.id, post_logout_redirect_uri: signedOut }),
    });
    expect(forged.status).toBe(303);
    expect(new URL(forged.headers.get('location')!).pathname).toMatch(/\/error$/);
    await expectSignedIn(browser, webRp);
  });

  it("asks for confirmation when the hint is another user's ID token", async () => {
    const { browser, webRp } = await signedInBrowser();
    const someoneElse = await t.management.createUser();
    const pending = await authorizationRequest(webRp, { redirectUri: webCallback });
    const theirTokens = await redeem(webRp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, someoneElse), webCallback), pending);

    const response = await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: theirTokens.id_token!, post_logout_redirect_uri: signedOut }));
    expect(new URL(response.headers.get('location')!).pathname).toMatch(/\/sign-out$/);
    await expectSignedIn(browser, webRp);
  });

  it('never redirects to an unregistered post_logout_redirect_uri, and keeps the session', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const evil = 'https://evil.example.com/signed-out';
    const response = await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: webTokens.id_token!, post_logout_redirect_uri: evil }));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(t.app.baseUrl);
    expect(location.pathname).toMatch(/\/error$/);
    await expectSignedIn(browser, webRp);
  });

  it('refuses an id_token_hint that Sesame did not sign', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const [header, payload] = webTokens.id_token!.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    const response = await browser.fetch(client.buildEndSessionUrl(webRp, { id_token_hint: forged, post_logout_redirect_uri: signedOut }));
    expect(new URL(response.headers.get('location')!).pathname).toMatch(/\/error$/);
    await expectSignedIn(browser, webRp);
  });

  it('accepts POST as well as GET (RP-Initiated Logout §2)', async () => {
    const { browser, webRp, webTokens } = await signedInBrowser();
    const response = await browser.fetch(`${t.issuer}/session/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ id_token_hint: webTokens.id_token!, post_logout_redirect_uri: signedOut, state: 'p' }),
    });
    expect(response.headers.get('location')).toBe(`${signedOut}?state=p`);
    await expectSignedOut(browser, webRp);
  });
  it('tells the apps over the back channel when an operator suspends or deletes the user', async () => {
    for (const action of ['suspend', 'delete'] as const) {
      const subject = await t.management.createUser();
      const browser = new Browser(t.app.baseUrl);
      const webRp = await relyingParty(t.app, web);
      const pending = await authorizationRequest(webRp, { redirectUri: webCallback, scope: 'openid' });
      const tokens = await redeem(webRp, callbackFrom(await signIn(browser, pending.url, subject), webCallback), pending);
      const sid = tokens.claims()!.sid as string;

      if (action === 'suspend') await t.management.call('PATCH', `/api/users/${subject.id}/is-suspended`, { isSuspended: true });
      else await t.management.call('DELETE', `/api/users/${subject.id}`);

      const delivery = (await receiver.forSession('web', sid))[0]!;
      const { payload } = await jwtVerify(delivery.form.get('logout_token')!, createRemoteJWKSet(new URL(`${t.issuer}/jwks`)), {
        issuer: t.issuer,
        audience: web.id,
      });
      expect(payload).toMatchObject({ sub: subject.id, sid, events: { [LOGOUT_EVENT]: {} } });
    }
  });
});
