import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// RFC 7662 token introspection and RFC 7009 token revocation, through openid-client.
describe('introspection and revocation', () => {
  let t: OidcTestApp;
  let web: CreatedApplication;
  let other: CreatedApplication;
  let m2m: CreatedApplication;
  let user: CreatedUser;
  const callback = rpUrl('/callback');
  const shortLived = 'https://short-lived.example.com';
  const inventory = 'https://inventory.example.com';

  beforeAll(async () => {
    t = await startOidcApp();
    web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    other = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    m2m = await t.management.createApplication({ type: 'MachineToMachine' });
    const api = await t.management.createResource({ indicator: shortLived, scopes: ['ping'], accessTokenTtl: 1 });
    const inventoryApi = await t.management.createResource({ indicator: inventory, scopes: ['read'] });
    await t.management.createRole({
      type: 'MachineToMachine',
      scopeIds: [api.scopeIds.ping!, inventoryApi.scopeIds.read!],
      applicationIds: [m2m.id],
    });
    user = await t.management.createUser();
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  async function userTokens() {
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid offline_access', prompt: 'consent' });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback), pending);
    return { rp, tokens };
  }

  it('describes an active opaque access token and refresh token to the client they were issued to', async () => {
    const { rp, tokens } = await userTokens();
    const access = await client.tokenIntrospection(rp, tokens.access_token);
    expect(access).toMatchObject({ active: true, client_id: web.id, sub: user.id, token_type: 'Bearer', iss: t.issuer });
    expect(access.scope?.split(' ').sort()).toEqual(['offline_access', 'openid']);
    expect(access.exp! - access.iat!).toBeGreaterThan(0);

    const refresh = await client.tokenIntrospection(rp, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    expect(refresh).toMatchObject({ active: true, client_id: web.id, sub: user.id, token_type: 'refresh_token' });
  });

  it('says active: false to another client, and for unknown tokens', async () => {
    const { tokens } = await userTokens();
    const otherRp = await relyingParty(t.app, other);
    expect(await client.tokenIntrospection(otherRp, tokens.access_token)).toEqual({ active: false });
    expect(await client.tokenIntrospection(otherRp, 'no-such-token')).toEqual({ active: false });
  });

  it('requires client authentication (401 invalid_client)', async () => {
    const { tokens } = await userTokens();
    const response = await fetch(`${t.issuer}/token/introspection`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('revoking the access token ends the grant: access and refresh token inactive, userinfo 401, refresh refused', async () => {
    const { rp, tokens } = await userTokens();
    await client.tokenRevocation(rp, tokens.access_token, { token_type_hint: 'access_token' });

    expect(await client.tokenIntrospection(rp, tokens.access_token)).toEqual({ active: false });
    expect(await client.tokenIntrospection(rp, tokens.refresh_token!)).toEqual({ active: false });
    const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('revoking the refresh token ends the grant as well', async () => {
    const { rp, tokens } = await userTokens();
    await client.tokenRevocation(rp, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    expect(await client.tokenIntrospection(rp, tokens.refresh_token!)).toEqual({ active: false });
    await expect(client.refreshTokenGrant(rp, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    const userinfo = await fetch(`${t.issuer}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it("answers 200 and changes nothing for unknown tokens and another client's tokens (RFC 7009 §2.2)", async () => {
    const { rp, tokens } = await userTokens();
    const otherRp = await relyingParty(t.app, other);
    await expect(client.tokenRevocation(otherRp, 'no-such-token')).resolves.toBeUndefined();
    await expect(client.tokenRevocation(otherRp, tokens.access_token)).resolves.toBeUndefined();
    expect(await client.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true });
  });

  it('requires client authentication to revoke (401 invalid_client), and the token survives', async () => {
    const { rp, tokens } = await userTokens();
    const response = await fetch(`${t.issuer}/token/revocation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${web.id}:wrong-secret`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    expect(await client.tokenIntrospection(rp, tokens.access_token)).toMatchObject({ active: true });
  });

  it('introspects a JWT access token, and refuses to revoke it (unsupported_token_type, as Logto)', async () => {
    const rp = await relyingParty(t.app, m2m);
    const { access_token } = await client.clientCredentialsGrant(rp, { resource: inventory });
    expect(await client.tokenIntrospection(rp, access_token)).toMatchObject({
      active: true,
      client_id: m2m.id,
      sub: m2m.id,
      aud: inventory,
      scope: 'read',
      iss: t.issuer,
    });
    expect(await client.tokenIntrospection(await relyingParty(t.app, other), access_token)).toEqual({ active: false });
    await expect(client.tokenRevocation(rp, access_token)).rejects.toMatchObject({ error: 'unsupported_token_type' });
  });

  it('reports an expired token as inactive', async () => {
    const rp = await relyingParty(t.app, m2m);
    const { access_token } = await client.clientCredentialsGrant(rp, { resource: shortLived });
    const { exp } = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    // Wait past its one-second lifetime (the server shares this machine's clock).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (exp + 1) * 1000 - Date.now())));
    expect(await client.tokenIntrospection(rp, access_token)).toEqual({ active: false });
  });
});
