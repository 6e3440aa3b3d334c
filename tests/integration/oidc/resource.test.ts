import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, rawTokenRequest, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// RFC 8707 resource indicators in the code flow: a user's JWT access token (RFC 9068) for an
// API, carrying the scopes the user holds through roles; without a resource, the opaque
// token for /oidc/me (Logto's behaviour, reference §1.4).
describe('access tokens for API resources', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let user: CreatedUser;
  let rp: client.Configuration;
  const callback = rpUrl('/callback');
  const photos = 'https://photos.example.com/api';
  const unrelated = 'https://mail.example.com/api';

  beforeAll(async () => {
    t = await startOidcApp();
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    user = await t.management.createUser();
    const api = await t.management.createResource({ indicator: photos, scopes: ['read:photos', 'write:photos'], accessTokenTtl: 900 });
    await t.management.createResource({ indicator: unrelated, scopes: ['read:mail'] });
    await t.management.createRole({ type: 'User', scopeIds: [api.scopeIds['read:photos']!], userIds: [user.id] });
    rp = await relyingParty(t.app, web);
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  async function authorizeWithResource(scope = 'openid offline_access read:photos write:photos') {
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope, resource: photos, prompt: 'consent' });
    return { pending, callback: callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback) };
  }

  async function verifyAccessToken(token: string) {
    expect(decodeProtectedHeader(token).typ).toBe('at+jwt');
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${t.issuer}/jwks`)), { issuer: t.issuer, audience: photos, typ: 'at+jwt' });
    return payload;
  }

  it("issues a JWT for the resource named at the token endpoint, with the user's scopes on it", async () => {
    const { pending, callback: cb } = await authorizeWithResource();
    const tokens = await client.authorizationCodeGrant(
      rp,
      cb,
      { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier },
      { resource: photos },
    );
    // write:photos was asked for, but the user holds only read:photos.
    expect(tokens.scope).toBe('read:photos');
    expect(tokens.expires_in).toBe(900);
    const claims = await verifyAccessToken(tokens.access_token);
    expect(claims).toMatchObject({ iss: t.issuer, aud: photos, sub: user.id, client_id: web.id, scope: 'read:photos' });
    expect(claims.exp! - claims.iat!).toBe(900);
    // The ID token is still the user's, for the client.
    expect(tokens.claims()).toMatchObject({ sub: user.id, aud: web.id, nonce: pending.nonce });

    // Refresh for the same resource: another JWT for it.
    const refreshed = await client.refreshTokenGrant(rp, tokens.refresh_token!, { resource: photos });
    expect(await verifyAccessToken(refreshed.access_token)).toMatchObject({ sub: user.id, scope: 'read:photos' });
  });

  it('issues the opaque userinfo token when no resource is named at the token endpoint', async () => {
    const { pending, callback: cb } = await authorizeWithResource();
    const tokens = await client.authorizationCodeGrant(rp, cb, { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier });
    expect(tokens.access_token.split('.')).toHaveLength(1);
    expect(await client.fetchUserInfo(rp, tokens.access_token, user.id)).toEqual({ sub: user.id });
    // The JWT for an API is not a userinfo token.
    const jwt = (await client.refreshTokenGrant(rp, tokens.refresh_token!, { resource: photos })).access_token;
    expect((await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(401);
  });

  it('refuses a resource that was not part of the authorization (invalid_target), at redemption and at refresh', async () => {
    const { pending, callback: cb } = await authorizeWithResource();
    const code = cb.searchParams.get('code')!;
    const refused = await rawTokenRequest(
      t.app,
      { grant_type: 'authorization_code', code, redirect_uri: callback, code_verifier: pending.codeVerifier, resource: unrelated },
      web,
    );
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid_target' } });

    const tokens = await client.authorizationCodeGrant(rp, cb, { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier });
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!, { resource: unrelated })).rejects.toMatchObject({ error: 'invalid_target' });
  });

  it('drops the scopes of resources that were not requested', async () => {
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid read:photos' });
    const cb = callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback);
    const tokens = await client.authorizationCodeGrant(rp, cb, { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier });
    // No resource asked for: read:photos is not a scope Sesame knows in this request (OIDC Core §3.1.2.1: ignored).
    expect(tokens.scope).toBe('openid');
  });
});
