import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// RFC 6749 §6 refresh, with rotation and reuse detection (RFC 9700 §4.14.2) and scope narrowing.
describe('refresh tokens', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let spa: CreatedApplication;
  let steady: CreatedApplication;
  let user: CreatedUser;
  const callback = rpUrl('/callback');

  beforeAll(async () => {
    t = await startOidcApp();
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    spa = await t.management.createApplication({ type: 'SPA', redirectUris: [callback] });
    steady = await t.management.createApplication({
      type: 'Traditional',
      redirectUris: [callback],
      customClientMetadata: { rotateRefreshToken: false },
    });
    user = await t.management.createUser({ name: 'Grace Hopper', primaryEmail: `grace.${Date.now()}@example.com` });
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  /** Signs in and redeems the code; `scope` decides whether offline access is asked for. */
  async function tokensFor(application: CreatedApplication, scope: string) {
    const rp = await relyingParty(t.app, application);
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope, prompt: 'consent' });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback), pending);
    return { rp, tokens };
  }

  /** The error openid-client raised for an OAuth error response. */
  async function oauthError(promise: Promise<unknown>): Promise<{ error: string; status: number }> {
    const error = await promise.then(
      () => expect.unreachable('the request should have failed'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(client.ResponseBodyError);
    return error as client.ResponseBodyError;
  }

  it('issues a refresh token only when offline_access is granted', async () => {
    expect((await tokensFor(web, 'openid profile')).tokens.refresh_token).toBeUndefined();
    expect((await tokensFor(web, 'openid profile offline_access')).tokens.refresh_token).toEqual(expect.any(String));
  });

  it('rotates: a refresh returns new tokens and a new refresh token, and the ID token keeps sub and auth_time', async () => {
    const { rp, tokens } = await tokensFor(web, 'openid profile offline_access');
    const original = tokens.claims()!;
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    // OIDC Core §12.2: same iss, sub, aud and auth_time; no nonce.
    const claims = refreshed.claims()!;
    expect(claims).toMatchObject({ iss: t.issuer, sub: user.id, aud: web.id, auth_time: original.auth_time });
    expect(claims).not.toHaveProperty('nonce');
    expect(await client.fetchUserInfo(rp, refreshed.access_token, user.id)).toMatchObject({ sub: user.id, name: 'Grace Hopper' });
  });

  it('detects reuse of a rotated refresh token: invalid_grant, and the newer token and its access token die too', async () => {
    const { rp, tokens } = await tokensFor(web, 'openid offline_access');
    const newer = await client.refreshTokenGrant(rp, tokens.refresh_token!);

    const reuse = await oauthError(client.refreshTokenGrant(rp, tokens.refresh_token!));
    expect(reuse).toMatchObject({ error: 'invalid_grant', status: 400 });

    expect(await oauthError(client.refreshTokenGrant(rp, newer.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
    const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${newer.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const { tokens } = await tokensFor(web, 'openid offline_access');
    const refresh = () => rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, web);
    const results = await Promise.all([refresh(), refresh()]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
    expect(results.find((result) => result.status === 400)!.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('always rotates for a public client (SPA, no secret)', async () => {
    const { rp, tokens } = await tokensFor(spa, 'openid offline_access');
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()).toMatchObject({ sub: user.id, aud: spa.id });
    expect(await oauthError(client.refreshTokenGrant(rp, tokens.refresh_token!))).toMatchObject({ error: 'invalid_grant' });
  });

  it('keeps the same refresh token when the app turned rotation off, and it stays usable', async () => {
    const { rp, tokens } = await tokensFor(steady, 'openid offline_access');
    const first = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(first.refresh_token).toBe(tokens.refresh_token);
    const second = await client.refreshTokenGrant(rp, tokens.refresh_token!);
    expect(second.access_token).not.toBe(first.access_token);
  });

  it('narrows the scope on request, without narrowing the grant', async () => {
    const { rp, tokens } = await tokensFor(web, 'openid profile email offline_access');
    const narrowed = await client.refreshTokenGrant(rp, tokens.refresh_token!, { scope: 'openid email' });
    expect(narrowed.scope?.split(' ').sort()).toEqual(['email', 'openid']);
    const info = await client.fetchUserInfo(rp, narrowed.access_token, user.id);
    expect(info).toMatchObject({ email: user.primaryEmail });
    expect(info).not.toHaveProperty('name');
    expect(narrowed.claims()).not.toHaveProperty('name');

    // RFC 6749 §6: the new refresh token carries the original scope.
    const widenedAgain = await client.refreshTokenGrant(rp, narrowed.refresh_token!);
    expect(widenedAgain.scope?.split(' ').sort()).toEqual(['email', 'offline_access', 'openid', 'profile']);
  });

  it('refuses to widen the scope on refresh (invalid_scope) and the refresh token survives the refusal', async () => {
    const { rp, tokens } = await tokensFor(web, 'openid offline_access');
    expect(await oauthError(client.refreshTokenGrant(rp, tokens.refresh_token!, { scope: 'openid email' }))).toMatchObject({
      error: 'invalid_scope',
    });
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!)).resolves.toHaveProperty('access_token');
  });

  it("refuses another client's refresh token (invalid_grant) without burning it", async () => {
    const { rp, tokens } = await tokensFor(web, 'openid offline_access');
    const other = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    const stolen = await rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, other);
    expect(stolen).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!)).resolves.toHaveProperty('access_token');
  });

  it('rejects an unknown refresh token with invalid_grant', async () => {
    const rp = await relyingParty(t.app, web);
    expect(await oauthError(client.refreshTokenGrant(rp, 'not-a-refresh-token'))).toMatchObject({ error: 'invalid_grant', status: 400 });
  });
});
