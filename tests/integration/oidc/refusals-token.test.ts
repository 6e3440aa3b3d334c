import { describe, expect, it } from 'vitest';
import { rpUrl } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';
import { browser, codeRedemption, spa, spaRp, t, useRefusalsWorld, user, web, webCallback, webCode, webRp } from './refusals-world';

// What a correct OP refuses at the token and userinfo endpoints, and for a suspended user: RFC 6749 §5.2, RFC 7636 §4.6, RFC 6750 §3, OIDC Core §5.3.
describe('refusals at the token and userinfo endpoints', () => {
  useRefusalsWorld();

  describe('at the token endpoint', () => {
    it('redeems a code once: a second redemption fails and revokes the tokens of the first', async () => {
      const { pending, callback } = await webCode({ scope: 'openid offline_access', prompt: 'consent' });
      const tokens = await redeem(webRp, callback, pending);
      expect((await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(200);

      const again = await rawTokenRequest(t.app, codeRedemption({ pending, callback }), web);
      expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

      const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(userinfo.status).toBe(401);
      await expect(client.refreshTokenGrant(webRp, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('lets exactly one of two concurrent redemptions of a code win (consumed atomically)', async () => {
      const { pending, callback } = await webCode();
      const redemption = () =>
        rawTokenRequest(t.app, codeRedemption({ pending, callback }), web);
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
      const response = await rawTokenRequest(t.app, codeRedemption({ callback }), web);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('refuses a code_verifier when the request had no challenge (PKCE downgrade)', async () => {
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(webRp, { redirect_uri: webCallback, scope: 'openid', state });
      const callback = callbackFrom(await browser.navigate(url), webCallback);
      const response = await rawTokenRequest(t.app, codeRedemption({ callback }, { code_verifier: client.randomPKCECodeVerifier() }), web);
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
      const response = await rawTokenRequest(t.app, codeRedemption({ callback }, { code_verifier: shortVerifier }), web);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it("refuses another client's code", async () => {
      const { pending, callback } = await webCode();
      const thief = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback] });
      const response = await rawTokenRequest(t.app, codeRedemption({ pending, callback }), thief);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('refuses a redirect_uri other than the one the code was issued for', async () => {
      const other = rpUrl('/other/callback');
      const app = await t.management.createApplication({ type: 'Traditional', redirectUris: [webCallback, other] });
      const rp = await relyingParty(t.app, app);
      const pending = await authorizationRequest(rp, { redirectUri: webCallback });
      const callback = callbackFrom(await browser.navigate(pending.url), webCallback);
      const response = await rawTokenRequest(t.app, codeRedemption({ pending, callback }, { redirect_uri: other }), app);
      expect(response).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });

    it('answers a wrong secret with 401 invalid_client and a Basic challenge', async () => {
      const { pending, callback } = await webCode();
      const response = await rawTokenRequest(t.app, codeRedemption({ pending, callback }), { id: web.id, secret: 'not-the-secret' });
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
      const response = await rawTokenRequest(t.app, codeRedemption(next, { resource: 'https://unknown.example.com' }), web);
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
