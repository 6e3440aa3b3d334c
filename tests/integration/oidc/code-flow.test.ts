import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, completeSignIn, parseForm, signIn } from '../../support/oidc/sign-in';

// OIDC Core §3.1 (authorization code flow) with PKCE (RFC 7636) and RFC 9207's iss,
// driven by openid-client as the relying party, for a confidential and a public client.
describe('authorization code flow', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let spa: CreatedApplication;
  let user: CreatedUser;
  const webCallback = rpUrl('/web/callback');
  const spaCallback = rpUrl('/spa/callback');

  beforeAll(async () => {
    t = await startOidcApp();
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback] });
    spa = await t.management.createApplication({ type: 'SPA', redirectUris: [spaCallback] });
    user = await t.management.createUser({
      name: 'Ada Lovelace',
      primaryEmail: `ada.${Date.now()}@example.com`,
      profile: { givenName: 'Ada', familyName: 'Lovelace' },
      customData: { plan: 'pro' },
    });
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  const jwks = () => createRemoteJWKSet(new URL(`${t.issuer}/jwks`));

  it('signs a user in to a confidential client (client_secret_basic) with PKCE, state and nonce', async () => {
    const rp = await relyingParty(t.app, web, 'client_secret_basic');
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid profile email' });
    const browser = new Browser(t.app.baseUrl);

    const callback = callbackFrom(await signIn(browser, pending.url, user), webCallback);
    expect(callback.searchParams.get('state')).toBe(pending.state);
    expect(callback.searchParams.get('iss')).toBe(t.issuer);
    expect(callback.searchParams.get('code')).toMatch(/^[\w-]{32,}$/);

    // openid-client validates iss, state, PKCE, the ID token's signature, iss, aud, exp, iat and nonce.
    const tokens = await redeem(rp, callback, pending);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBeGreaterThan(0);
    expect(tokens.scope?.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    expect(tokens.refresh_token).toBeUndefined(); // no offline_access asked
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: t.issuer, aud: web.id, sub: user.id, nonce: pending.nonce });
    expect(claims.auth_time).toEqual(expect.any(Number));
    expect(claims.sid).toEqual(expect.any(String));
    // Logto's conformIdTokenClaims: false — the scopes' claims are in the ID token as well.
    expect(claims).toMatchObject({ name: 'Ada Lovelace', username: user.username, email: user.primaryEmail, email_verified: true });
    expect(claims).not.toHaveProperty('custom_data');
  });

  it('signs a user in to a public client (SPA, auth method none) with PKCE', async () => {
    const rp = await relyingParty(t.app, spa, 'none');
    const pending = await authorizationRequest(rp, { redirectUri: spaCallback, scope: 'openid' });
    const browser = new Browser(t.app.baseUrl);

    const tokens = await redeem(rp, callbackFrom(await signIn(browser, pending.url, user), spaCallback), pending);
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: t.issuer, aud: spa.id, sub: user.id, nonce: pending.nonce });
    // `openid` alone carries no profile claims.
    expect(claims).not.toHaveProperty('name');
    expect(claims).not.toHaveProperty('email');
  });

  it('signs ID tokens with RS256 and a key published in the JWKS', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid' });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), webCallback), pending);
    const idToken = tokens.id_token!;
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const { payload } = await jwtVerify(idToken, jwks(), { issuer: t.issuer, audience: web.id, algorithms: ['RS256'] });
    expect(payload.sub).toBe(user.id);
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    // The access token for /oidc/me is opaque, not a JWT.
    expect(tokens.access_token.split('.')).toHaveLength(1);
  });

  it('returns the claims of the granted scopes at the userinfo endpoint', async () => {
    const rp = await relyingParty(t.app, web);
    const browser = new Browser(t.app.baseUrl);
    const tokensFor = async (scope: string) => {
      const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope });
      // The first request signs in; the others ride on the session (no sign-in page).
      const hop = browser.cookieNames().length > 0 ? await browser.navigate(pending.url) : await signIn(browser, pending.url, user);
      return redeem(rp, callbackFrom(hop, webCallback), pending);
    };

    const full = await tokensFor('openid profile email');
    expect(await client.fetchUserInfo(rp, full.access_token, user.id)).toMatchObject({
      sub: user.id,
      name: 'Ada Lovelace',
      given_name: 'Ada',
      family_name: 'Lovelace',
      username: user.username,
      preferred_username: user.username,
      email: user.primaryEmail,
      email_verified: true,
      updated_at: expect.any(Number),
    });

    const emailOnly = await client.fetchUserInfo(rp, (await tokensFor('openid email')).access_token, user.id);
    expect(emailOnly).toEqual({ sub: user.id, email: user.primaryEmail, email_verified: true });

    const bare = await client.fetchUserInfo(rp, (await tokensFor('openid')).access_token, user.id);
    expect(bare).toEqual({ sub: user.id });

    // custom_data is a userinfo-only claim (too large for an ID token).
    const custom = await tokensFor('openid custom_data');
    expect(custom.claims()).not.toHaveProperty('custom_data');
    expect(await client.fetchUserInfo(rp, custom.access_token, user.id)).toEqual({ sub: user.id, custom_data: { plan: 'pro' } });
  });

  it('answers userinfo on POST with the token in the form body too (RFC 6750 §2.2)', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid email' });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), webCallback), pending);
    const response = await fetch(`${t.issuer}/me`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ access_token: tokens.access_token }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sub: user.id, email: user.primaryEmail, email_verified: true });
  });

  it('reuses the Sesame session for another app: no sign-in page, the same sid and auth_time', async () => {
    const browser = new Browser(t.app.baseUrl);
    const webRp = await relyingParty(t.app, web);
    const first = await authorizationRequest(webRp, { redirectUri: webCallback, scope: 'openid' });
    const firstClaims = (await redeem(webRp, callbackFrom(await signIn(browser, first.url, user), webCallback), first)).claims()!;

    const spaRp = await relyingParty(t.app, spa);
    const second = await authorizationRequest(spaRp, { redirectUri: spaCallback, scope: 'openid' });
    const secondClaims = (await redeem(spaRp, callbackFrom(await browser.navigate(second.url), spaCallback), second)).claims()!;
    expect(secondClaims).toMatchObject({ sub: user.id, aud: spa.id, sid: firstClaims.sid, auth_time: firstClaims.auth_time });
  });

  it('binds the session and the interaction to the browser with HttpOnly, SameSite=Lax cookies of ≥128 random bits', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback });
    const browser = new Browser(t.app.baseUrl);
    await signIn(browser, pending.url, user);
    for (const name of ['sesame_interaction', 'sesame_session']) {
      const header = browser.setCookieHeaders.find((cookie) => cookie.startsWith(`${name}=`) && !/Max-Age=0/i.test(cookie));
      expect(header).toMatch(/;\s*HttpOnly/i);
      expect(header).toMatch(/;\s*SameSite=Lax/i);
      expect(header).toMatch(/;\s*Path=\//i);
      expect(header!.split(';')[0]!.split('=')[1]).toMatch(/^[\w-]{22,}$/);
    }
    // The interaction is over once the code is issued.
    expect(browser.cookie('sesame_interaction')).toBeUndefined();
    expect(browser.cookie('sesame_session')).toBeDefined();
  });

  it('honours max_age: within it the session is reused and auth_time is checked; max_age=0 asks for a new sign-in', async () => {
    const rp = await relyingParty(t.app, web);
    const browser = new Browser(t.app.baseUrl);
    const first = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid', max_age: '3600' });
    const firstTokens = await redeem(rp, callbackFrom(await signIn(browser, first.url, user), webCallback), first, 3600);
    const authTime = firstTokens.claims()!.auth_time!;

    const withinMaxAge = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid', max_age: '3600' });
    const reused = await redeem(rp, callbackFrom(await browser.navigate(withinMaxAge.url), webCallback), withinMaxAge, 3600);
    expect(reused.claims()!.auth_time).toBe(authTime);

    const zero = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid', max_age: '0' });
    const handOff = await browser.navigate(zero.url);
    expect(handOff.location?.pathname).toMatch(/\/sign-in$/);
    // Signing in again gives a fresh auth_time that openid-client accepts for max_age=0.
    const fresh = await redeem(rp, callbackFrom(await signIn(browser, zero.url, user), webCallback), zero, 0);
    expect(fresh.claims()!.auth_time).toBeGreaterThanOrEqual(authTime);
  });

  it('asks for a new sign-in with prompt=login even with a session', async () => {
    const rp = await relyingParty(t.app, web);
    const browser = new Browser(t.app.baseUrl);
    const first = await authorizationRequest(rp, { redirectUri: webCallback });
    await redeem(rp, callbackFrom(await signIn(browser, first.url, user), webCallback), first);
    const again = await authorizationRequest(rp, { redirectUri: webCallback, prompt: 'login' });
    const hop = await browser.navigate(again.url);
    expect(hop.location?.pathname).toMatch(/\/sign-in$/);
  });

  it('delivers the response with response_mode=form_post as an auto-submitting form', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid email', response_mode: 'form_post' });
    const hop = await signIn(new Browser(t.app.baseUrl), pending.url, user);
    expect(hop.response.status).toBe(200);
    expect(hop.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(hop.response.headers.get('cache-control')).toBe('no-store');
    expect(hop.response.headers.get('content-security-policy')).toContain(`form-action ${new URL(webCallback).origin}`);
    const form = parseForm(await hop.response.text());
    expect(form).toMatchObject({ action: webCallback, method: 'post' });
    expect(form.fields.get('state')).toBe(pending.state);
    expect(form.fields.get('iss')).toBe(t.issuer);

    // What the browser's POST to the callback looks like, handed to openid-client as the request.
    const post = new Request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.fields });
    const tokens = await redeem(rp, post, pending);
    expect(tokens.claims()).toMatchObject({ sub: user.id, nonce: pending.nonce, email: user.primaryEmail });
  });

  it('escapes what it echoes into the form_post page', async () => {
    const rp = await relyingParty(t.app, web);
    const state = '"><img src=x onerror=alert(1)>&amp;';
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, response_mode: 'form_post' });
    pending.url.searchParams.set('state', state);
    const browser = new Browser(t.app.baseUrl);
    const hop = await signIn(browser, pending.url, user);
    const html = await hop.response.text();
    expect(html).not.toContain('<img');
    expect(parseForm(html).fields.get('state')).toBe(state);
  });

  it('authenticates a confidential client with client_secret_post as well', async () => {
    const rp = await relyingParty(t.app, web, 'client_secret_post');
    const pending = await authorizationRequest(rp, { redirectUri: webCallback });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), webCallback), pending);
    expect(tokens.claims()!.aud).toBe(web.id);
  });

  it('accepts the authorization request by POST (OIDC Core §3.1.2.1), ignoring unknown parameters', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, scope: 'openid', unknown_parameter: 'ignored' });
    const browser = new Browser(t.app.baseUrl);
    const handOff = await browser.fetch(`${t.issuer}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: pending.url.searchParams,
    });
    expect(handOff.status).toBe(303);
    expect(new URL(handOff.headers.get('location')!).pathname).toMatch(/\/sign-in$/);
    expect(browser.cookie('sesame_interaction')).toBeDefined();
    const hop = await completeSignIn(browser, user);
    expect((await redeem(rp, callbackFrom(hop, webCallback), pending)).claims()!.sub).toBe(user.id);
  });

  it('hands off to the sign-in page in the language of ui_locales', async () => {
    const rp = await relyingParty(t.app, web);
    const korean = await authorizationRequest(rp, { redirectUri: webCallback, ui_locales: 'ko-KR en' });
    expect((await new Browser(t.app.baseUrl).navigate(korean.url)).location?.pathname).toBe('/ko/sign-in');
    const english = await authorizationRequest(rp, { redirectUri: webCallback, ui_locales: 'en' });
    expect((await new Browser(t.app.baseUrl).navigate(english.url)).location?.pathname).toBe('/sign-in');
  });

  it('opens account creation for prompt=create (Initiating User Registration 1.0), signed in or not', async () => {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: webCallback, prompt: 'create' });
    const browser = new Browser(t.app.baseUrl);
    const hop = await browser.navigate(pending.url);
    expect(hop.response.status).toBe(303);
    expect(hop.location?.origin).toBe(t.app.baseUrl);
    expect(hop.location?.pathname).toBe('/register');
    expect(browser.cookie('sesame_interaction')).toBeDefined();

    const signedIn = new Browser(t.app.baseUrl);
    const first = await authorizationRequest(rp, { redirectUri: webCallback });
    callbackFrom(await signIn(signedIn, first.url, user), webCallback);
    const again = await authorizationRequest(rp, { redirectUri: webCallback, prompt: 'create', ui_locales: 'ko' });
    expect((await signedIn.navigate(again.url)).location?.pathname).toBe('/ko/register');

    // `none` cannot be combined with anything, `create` included.
    const silent = await authorizationRequest(rp, { redirectUri: webCallback, prompt: 'none create' });
    expect(callbackFrom(await signedIn.navigate(silent.url), webCallback).searchParams.get('error')).toBe('invalid_request');
  });
});
