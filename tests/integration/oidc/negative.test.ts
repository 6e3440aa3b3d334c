import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, redeem, relyingParty, type PendingAuthorization } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn, submitSignIn } from '../../support/oidc/sign-in';

// What a correct OP refuses: RFC 6749 §4.1.2.1 and §5.2, RFC 7636, RFC 6750 §3, OIDC Core §3.1.2.6 and §6.
describe('refusals', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let spa: CreatedApplication;
  let user: CreatedUser;
  let browser: Browser;
  let webRp: client.Configuration;
  let spaRp: client.Configuration;
  const webCallback = rpUrl('/web/callback');
  const spaCallback = rpUrl('/spa/callback');

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

  /** GET /oidc/auth with exactly these parameters (openid-client would add its own). */
  const authorize = (params: Record<string, string>, from = browser) =>
    from.navigate(`${t.issuer}/auth?${new URLSearchParams(params)}`);

  /** A well-formed request of the SPA, to be spoiled by `changes` (undefined removes a parameter). */
  async function spaParams(changes: Record<string, string | undefined> = {}) {
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
  function expectErrorPage(hop: { response: Response; location?: URL }, code: string) {
    expect(hop.response.status).toBe(303);
    expect(hop.location?.origin).toBe(t.app.baseUrl);
    expect(hop.location?.pathname).toMatch(/\/error$/);
    expect(hop.location?.searchParams.get('code')).toBe(code);
  }

  /** An error redirected to the client with state and iss (RFC 6749 §4.1.2.1, RFC 9207). */
  function expectRedirectedError(hop: { location?: URL }, redirectUri: string, error: string, state = 'state-123') {
    const callback = callbackFrom(hop as Parameters<typeof callbackFrom>[0], redirectUri);
    expect(callback.searchParams.get('error')).toBe(error);
    expect(callback.searchParams.get('error_description')).toEqual(expect.any(String));
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(t.issuer);
    expect(callback.searchParams.has('code')).toBe(false);
  }

  /** A code for the web app from the signed-in browser. */
  async function webCode(extra: Record<string, string> = {}): Promise<{ pending: PendingAuthorization; callback: URL }> {
    const pending = await authorizationRequest(webRp, { redirectUri: webCallback, ...extra });
    return { pending, callback: callbackFrom(await browser.navigate(pending.url), webCallback) };
  }

  describe('at the authorization endpoint', () => {
    it('never redirects to an unregistered redirect_uri: Sesame shows its error page', async () => {
      for (const redirectUri of ['https://evil.example.com/callback', `${spaCallback}/`, `${spaCallback}?next=1`, spaCallback.toUpperCase()]) {
        const hop = await authorize(await spaParams({ redirect_uri: redirectUri }));
        expectErrorPage(hop, 'oidc.invalid_redirect_uri');
        expect(hop.location!.href.startsWith(redirectUri)).toBe(false);
      }
      expectErrorPage(await authorize(await spaParams({ redirect_uri: undefined })), 'oidc.invalid_redirect_uri');
    });

    it('shows the error page for an unknown or missing client', async () => {
      expectErrorPage(await authorize(await spaParams({ client_id: 'no-such-client' })), 'oidc.invalid_client');
      expectErrorPage(await authorize(await spaParams({ client_id: undefined })), 'oidc.invalid_request');
    });

    it('shows the error page in the sign-in experience’s language: ui_locales, then languageInfo', async () => {
      const errorPath = async (changes: Record<string, string>, acceptLanguage: string) => {
        const url = `${t.issuer}/auth?${new URLSearchParams(await spaParams({ client_id: 'no-such-client', ...changes }))}`;
        const response = await fetch(url, { redirect: 'manual', headers: { 'accept-language': acceptLanguage } });
        expect(response.status).toBe(303);
        return new URL(response.headers.get('location')!).pathname;
      };
      expect(await errorPath({}, 'ko-KR,ko;q=0.9')).toBe('/ko/error');
      expect(await errorPath({ ui_locales: 'en' }, 'ko-KR,ko;q=0.9')).toBe('/en/error');
      const configured = await t.management.request('PATCH', '/api/sign-in-exp', { languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
      expect(configured.status).toBe(200);
      try {
        expect(await errorPath({}, 'en-US,en;q=0.9')).toBe('/ko/error');
        expect(await errorPath({ ui_locales: 'en' }, 'en-US,en;q=0.9')).toBe('/error');
      } finally {
        await t.management.request('PATCH', '/api/sign-in-exp', { languageInfo: { autoDetect: true, fallbackLanguage: 'en' } });
      }
    });

    it('requires PKCE from a public client', async () => {
      const hop = await authorize(await spaParams({ code_challenge: undefined, code_challenge_method: undefined }));
      expectRedirectedError(hop, spaCallback, 'invalid_request');
    });

    it('refuses code_challenge_method=plain, and a challenge without a method', async () => {
      const verifier = client.randomPKCECodeVerifier();
      expectRedirectedError(await authorize(await spaParams({ code_challenge: verifier, code_challenge_method: 'plain' })), spaCallback, 'invalid_request');
      expectRedirectedError(await authorize(await spaParams({ code_challenge_method: undefined })), spaCallback, 'invalid_request');
    });

    it('refuses request objects with the OIDC Core §6 errors, redirected with iss and state', async () => {
      expectRedirectedError(await authorize(await spaParams({ request: 'eyJhbGciOiJub25lIn0.e30.' })), spaCallback, 'request_not_supported');
      expectRedirectedError(
        await authorize(await spaParams({ request_uri: 'https://rp.example.com/request.jwt' })),
        spaCallback,
        'request_uri_not_supported',
      );
    });

    it('answers prompt=none without a session with login_required', async () => {
      const hop = await authorize(await spaParams({ prompt: 'none' }), new Browser(t.app.baseUrl));
      expectRedirectedError(hop, spaCallback, 'login_required');
    });

    it('refuses response types other than code', async () => {
      expectRedirectedError(await authorize(await spaParams({ response_type: 'token' })), spaCallback, 'unsupported_response_type');
      expectRedirectedError(await authorize(await spaParams({ response_type: 'code id_token' })), spaCallback, 'unsupported_response_type');
    });

    it('refuses an unknown resource with invalid_target', async () => {
      expectRedirectedError(await authorize(await spaParams({ resource: 'https://unknown.example.com' })), spaCallback, 'invalid_target');
    });

    it('refuses a repeated parameter and a missing scope', async () => {
      const params = new URLSearchParams(await spaParams());
      params.append('state', 'again');
      // RFC 6749 §3.1: parameters must not repeat. Which one to trust is unknowable, so no redirect at all.
      expectErrorPage(await browser.navigate(`${t.issuer}/auth?${params}`), 'oidc.invalid_request');
      expectRedirectedError(await authorize(await spaParams({ scope: undefined })), spaCallback, 'invalid_scope');
    });
  });

  describe('around the sign-in hand-off', () => {
    it('binds the interaction to the browser that started it: another browser cannot resume it', async () => {
      const pending = await authorizationRequest(webRp, { redirectUri: webCallback });
      const owner = new Browser(t.app.baseUrl);
      await owner.navigate(pending.url);
      const redirectTo = await submitSignIn(owner, user);

      expectErrorPage(await new Browser(t.app.baseUrl).navigate(redirectTo), 'session.interaction_not_found');
      const tokens = await redeem(webRp, callbackFrom(await owner.navigate(redirectTo), webCallback), pending);
      expect(tokens.claims()!.sub).toBe(user.id);
      // Done: the interaction cannot be replayed by its own browser either.
      expectErrorPage(await owner.navigate(redirectTo), 'session.interaction_not_found');
    });

    it('answers prompt=none with login_required when max_age demands a fresh sign-in', async () => {
      const hop = await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', max_age: '0', state: 'state-123' })).url);
      expectRedirectedError(hop, webCallback, 'login_required');
    });

    it('lets a native app use any port on loopback, and nothing else (RFC 8252 §7.3)', async () => {
      const loopback = 'http://127.0.0.1/callback';
      const scheme = 'com.example.app:/oauth2redirect';
      const native = await t.management.createApplication({ type: 'Native', redirectUris: [loopback, scheme] });
      const nativeRp = await relyingParty(t.app, native);
      for (const redirectUri of ['http://127.0.0.1:53124/callback', scheme]) {
        const pending = await authorizationRequest(nativeRp, { redirectUri });
        const tokens = await redeem(nativeRp, callbackFrom(await browser.navigate(pending.url), redirectUri), pending);
        expect(tokens.claims()!.aud).toBe(native.id);
      }
      for (const redirectUri of ['http://127.0.0.1:53124/other', 'http://localhost:53124/callback', 'com.example.app:/elsewhere']) {
        const pending = await authorizationRequest(nativeRp, { redirectUri });
        expectErrorPage(await browser.navigate(pending.url), 'oidc.invalid_redirect_uri');
      }
      // Port variation is for native apps only.
      const spaOnLoopback = await t.management.createApplication({ type: 'SPA', redirectUris: ['http://127.0.0.1/spa'] });
      const pending = await authorizationRequest(await relyingParty(t.app, spaOnLoopback), { redirectUri: 'http://127.0.0.1:53124/spa' });
      expectErrorPage(await browser.navigate(pending.url), 'oidc.invalid_redirect_uri');
    });

    it("does not hand out another user's tokens when id_token_hint names someone else (OIDC Core §3.1.2.1)", async () => {
      const other = await t.management.createUser();
      const elsewhere = new Browser(t.app.baseUrl);
      const theirs = await authorizationRequest(webRp, { redirectUri: webCallback });
      const theirIdToken = (await redeem(webRp, callbackFrom(await signIn(elsewhere, theirs.url, other), webCallback), theirs)).id_token!;

      // This browser's session is `user`'s: a silent request hinting at `other` must fail...
      const silent = await browser.navigate(
        (await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', id_token_hint: theirIdToken, state: 'state-123' })).url,
      );
      expectRedirectedError(silent, webCallback, 'login_required');
      // ...and an interactive one asks to sign in instead of answering for the wrong person.
      const interactive = await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, id_token_hint: theirIdToken })).url);
      expect(interactive.location?.pathname).toMatch(/\/sign-in$/);

      // A hint at the signed-in user is a plain silent renewal.
      const mine = await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none' });
      const myIdToken = (await redeem(webRp, callbackFrom(await browser.navigate(mine.url), webCallback), mine)).id_token!;
      const renewal = await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', id_token_hint: myIdToken });
      expect((await redeem(webRp, callbackFrom(await browser.navigate(renewal.url), webCallback), renewal)).claims()!.sub).toBe(user.id);

      // A hint that is not our ID token for this client is refused.
      const forged = `${myIdToken.slice(0, myIdToken.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
      expectRedirectedError(
        await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, id_token_hint: forged, state: 'state-123' })).url),
        webCallback,
        'invalid_request',
      );
      const spaPending = await authorizationRequest(spaRp, { redirectUri: spaCallback, id_token_hint: myIdToken, state: 'state-123' });
      expectRedirectedError(await browser.navigate(spaPending.url), spaCallback, 'invalid_request');
    });

    it('shows the error page when the browser comes back without an interaction', async () => {
      expectErrorPage(await new Browser(t.app.baseUrl).navigate(`${t.issuer}/auth/resume`), 'session.interaction_not_found');
    });
  });

  describe('at the token endpoint', () => {
    it('redeems a code once: a second redemption fails and revokes the tokens of the first', async () => {
      const { pending, callback } = await webCode({ scope: 'openid offline_access', prompt: 'consent' });
      const tokens = await redeem(webRp, callback, pending);
      expect((await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);

      const again = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: pending.codeVerifier },
        web,
      );
      expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

      const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(userinfo.status).toBe(401);
      await expect(client.refreshTokenGrant(webRp, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('lets exactly one of two concurrent redemptions of a code win (consumed atomically)', async () => {
      const { pending, callback } = await webCode();
      const redemption = () =>
        rawTokenRequest(
          t.app,
          { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: pending.codeVerifier },
          web,
        );
      const results = await Promise.all([redemption(), redemption()]);
      expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
      expect(results.find((result) => result.status === 400)!.body).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses a wrong code_verifier', async () => {
      const { pending, callback } = await webCode();
      const wrong = { ...pending, codeVerifier: client.randomPKCECodeVerifier() };
      await expect(redeem(webRp, callback, wrong)).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
    });

    it('refuses a missing code_verifier when a challenge was sent', async () => {
      const { callback } = await webCode();
      const response = await rawTokenRequest(t.app, { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback }, web);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('refuses a code_verifier when the request had no challenge (PKCE downgrade)', async () => {
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(webRp, { redirect_uri: webCallback, scope: 'openid', state });
      const callback = callbackFrom(await browser.navigate(url), webCallback);
      const response = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: client.randomPKCECodeVerifier() },
        web,
      );
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      // A confidential client may skip PKCE altogether (as in Logto), and the code is still good.
      const tokens = await client.authorizationCodeGrant(webRp, callback, { expectedState: state });
      expect(tokens.claims()!.sub).toBe(user.id);
    });

    it('refuses a code_verifier outside RFC 7636 §4.1 (43-128 characters), even when it hashes to the challenge', async () => {
      const shortVerifier = 'too-short';
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(webRp, {
        redirect_uri: webCallback,
        scope: 'openid',
        state,
        code_challenge: await client.calculatePKCECodeChallenge(shortVerifier),
        code_challenge_method: 'S256',
      });
      const callback = callbackFrom(await browser.navigate(url), webCallback);
      const response = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: shortVerifier },
        web,
      );
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it("refuses another client's code", async () => {
      const { pending, callback } = await webCode();
      const thief = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback] });
      const response = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: pending.codeVerifier },
        thief,
      );
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('refuses a redirect_uri other than the one the code was issued for', async () => {
      const other = rpUrl('/other/callback');
      const app = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback, other] });
      const rp = await relyingParty(t.app, app);
      const pending = await authorizationRequest(rp, { redirectUri: webCallback });
      const callback = callbackFrom(await browser.navigate(pending.url), webCallback);
      const response = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: other, code_verifier: pending.codeVerifier },
        app,
      );
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('answers a wrong secret with 401 invalid_client and a Basic challenge', async () => {
      const { pending, callback } = await webCode();
      const response = await rawTokenRequest(
        t.app,
        { grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: webCallback, code_verifier: pending.codeVerifier },
        { id: web.id, secret: 'not-the-secret' },
      );
      expect(response).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
      // The same through openid-client, with client_secret_post.
      const wrongRp = await relyingParty(t.app, { id: web.id, secret: 'not-the-secret' }, 'client_secret_post');
      await expect(redeem(wrongRp, callback, pending)).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
    });

    it('answers an unknown client, and a public client sending a secret, with 401 invalid_client', async () => {
      const unknown = await rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: 'x' }, { id: 'no-such-client', secret: 'whatever-secret' });
      expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      const publicWithSecret = await rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: 'x' }, { id: spa.id, secret: 'made-up' });
      expect(publicWithSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    });

    it('refuses an unknown resource at the token endpoint with invalid_target', async () => {
      const next = await webCode();
      const response = await rawTokenRequest(
        t.app,
        {
          grant_type: 'authorization_code',
          code: next.callback.searchParams.get('code')!,
          redirect_uri: webCallback,
          code_verifier: next.pending.codeVerifier,
          resource: 'https://unknown.example.com',
        },
        web,
      );
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
    });

    it('refuses unknown grant types and non-form bodies', async () => {
      expect(await rawTokenRequest(t.app, { grant_type: 'password', username: 'a', password: 'b' }, web)).toMatchObject({
        status: 400,
        body: { error: 'unsupported_grant_type' },
      });
      const json = await fetch(`${t.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({ error: 'invalid_request' });
      // RFC 6749 §3.2: parameters must not be repeated.
      const repeated = await fetch(`${t.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=refresh_token&refresh_token=a&refresh_token=b&client_id=${spa.id}`,
      });
      expect(repeated.status).toBe(400);
      expect(await repeated.json()).toMatchObject({ error: 'invalid_request' });
    });
  });

  describe('at the userinfo endpoint', () => {
    it('answers a bad bearer token with 401 and WWW-Authenticate: Bearer error="invalid_token"', async () => {
      const response = await fetch(`${t.issuer}/me`, { headers: { authorization: 'Bearer not-a-token' } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b.*\berror="invalid_token"/);
      await expect(client.fetchUserInfo(spaRp, 'not-a-token', client.skipSubjectCheck)).rejects.toBeInstanceOf(client.WWWAuthenticateChallengeError);
    });

    it('answers a request without a token with 401 and a Bearer challenge', async () => {
      const response = await fetch(`${t.issuer}/me`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    });

    it('answers a token without the openid scope with 403 insufficient_scope', async () => {
      const state = client.randomState();
      const verifier = client.randomPKCECodeVerifier();
      const url = client.buildAuthorizationUrl(webRp, {
        redirect_uri: webCallback,
        scope: 'profile',
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      // A plain OAuth 2.0 request (no openid): no ID token, an access token that is not for userinfo.
      const tokens = await client.authorizationCodeGrant(webRp, callbackFrom(await browser.navigate(url), webCallback), {
        expectedState: state,
        pkceCodeVerifier: verifier,
      });
      expect(tokens.id_token).toBeUndefined();
      const response = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b.*\berror="insufficient_scope"/);
    });

    it('does not take a JWT access token for an API as a userinfo token', async () => {
      const m2m = await t.management.createApplication({ type: 'MachineToMachine' });
      const api = await t.management.createResource({ indicator: 'https://billing.example.com', scopes: ['read'] });
      await t.management.createRole({ type: 'MachineToMachine', scopeIds: [api.scopeIds.read!], applicationIds: [m2m.id] });
      const { access_token } = await client.clientCredentialsGrant(await relyingParty(t.app, m2m), { resource: 'https://billing.example.com' });
      const response = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(response.status).toBe(401);
    });
  });

  describe('for a suspended user', () => {
    it('ends the sessions and every token of a user the Management API suspends', async () => {
      const suspended = await t.management.createUser();
      const own = new Browser(t.app.baseUrl);
      const pending = await authorizationRequest(webRp, { redirectUri: webCallback, scope: 'openid offline_access', prompt: 'consent' });
      const tokens = await redeem(webRp, callbackFrom(await signIn(own, pending.url, suspended), webCallback), pending);

      await t.management.call('PATCH', `/api/users/${suspended.id}/is-suspended`, { isSuspended: true });

      await expect(client.refreshTokenGrant(webRp, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
      expect(await client.tokenIntrospection(webRp, tokens.access_token)).toEqual({ active: false });
      expect((await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
      const silent = await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none' });
      expect(callbackFrom(await own.navigate(silent.url), webCallback).searchParams.get('error')).toBe('login_required');
    });
  });
});
