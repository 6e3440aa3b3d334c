import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ADMIN, managementResource, type CreatedApplication } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { client, rawTokenRequest, relyingParty } from '../../support/oidc/relying-party';

// RFC 6749 §4.4 for machine-to-machine apps, RFC 8707 resource indicators and RFC 9068 JWT access tokens.
describe('client credentials', () => {
  let t: OidcTestApp;
  let m2m: CreatedApplication;
  let api: { id: string; indicator: string; scopeIds: Record<string, string> };
  const indicator = 'https://orders.example.com/api';

  beforeAll(async () => {
    t = await startOidcApp();
    api = await t.management.createResource({ indicator, scopes: ['read:orders', 'write:orders', 'delete:orders'], accessTokenTtl: 600 });
    m2m = await t.management.createApplication({ type: 'MachineToMachine' });
    await t.management.createRole({
      type: 'MachineToMachine',
      scopeIds: [api.scopeIds['read:orders']!, api.scopeIds['write:orders']!],
      applicationIds: [m2m.id],
    });
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  const jwks = () => createRemoteJWKSet(new URL(`${t.issuer}/jwks`));

  /** RFC 9068 §4: what a resource server checks. */
  async function verifyAccessToken(token: string, audience: string) {
    expect(decodeProtectedHeader(token)).toMatchObject({ typ: 'at+jwt', kid: expect.any(String) });
    const { payload } = await jwtVerify(token, jwks(), { issuer: t.issuer, audience, typ: 'at+jwt' });
    return payload;
  }

  it('issues a JWT access token for the requested resource, verifiable against the JWKS (RFC 9068)', async () => {
    const rp = await relyingParty(t.app, m2m);
    const tokens = await client.clientCredentialsGrant(rp, { resource: indicator, scope: 'read:orders' });
    expect(tokens).toMatchObject({ token_type: expect.stringMatching(/^bearer$/i), expires_in: 600, scope: 'read:orders' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.id_token).toBeUndefined();

    const claims = await verifyAccessToken(tokens.access_token, indicator);
    expect(claims).toMatchObject({ iss: t.issuer, aud: indicator, client_id: m2m.id, sub: m2m.id, scope: 'read:orders' });
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(claims.jti).toEqual(expect.any(String));
  });

  it('grants only the requested scopes the app holds through its roles', async () => {
    const rp = await relyingParty(t.app, m2m);
    const tokens = await client.clientCredentialsGrant(rp, { resource: indicator, scope: 'read:orders delete:orders' });
    expect(tokens.scope).toBe('read:orders');
    expect((await verifyAccessToken(tokens.access_token, indicator)).scope).toBe('read:orders');
  });

  it('grants every held scope when none is requested', async () => {
    const rp = await relyingParty(t.app, m2m);
    const tokens = await client.clientCredentialsGrant(rp, { resource: indicator });
    expect(tokens.scope?.split(' ').sort()).toEqual(['read:orders', 'write:orders']);
  });

  it('works with client_secret_post as well', async () => {
    const rp = await relyingParty(t.app, m2m, 'client_secret_post');
    const tokens = await client.clientCredentialsGrant(rp, { resource: indicator, scope: 'write:orders' });
    expect((await verifyAccessToken(tokens.access_token, indicator)).scope).toBe('write:orders');
  });

  it('gives the bootstrap admin a Management API token (scope all, audience ${APP_URL}/api) that the API accepts', async () => {
    const rp = await relyingParty(t.app, { id: BOOTSTRAP_ADMIN.clientId, secret: BOOTSTRAP_ADMIN.clientSecret });
    const tokens = await client.clientCredentialsGrant(rp, { resource: managementResource(t.app), scope: 'all' });
    const claims = await verifyAccessToken(tokens.access_token, managementResource(t.app));
    expect(claims).toMatchObject({ client_id: BOOTSTRAP_ADMIN.clientId, sub: BOOTSTRAP_ADMIN.clientId, scope: 'all' });
    // The token is what the Management API takes, and an orders token is not.
    const ordersToken = (await client.clientCredentialsGrant(await relyingParty(t.app, m2m), { resource: indicator })).access_token;
    const withAdmin = await fetch(`${t.app.baseUrl}/api/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'via openid-client', type: 'MachineToMachine', oidcClientMetadata: { redirectUris: [], postLogoutRedirectUris: [] } }),
    });
    expect(withAdmin.ok).toBe(true);
    const withOrders = await fetch(`${t.app.baseUrl}/api/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ordersToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'should fail', type: 'MachineToMachine', oidcClientMetadata: { redirectUris: [], postLogoutRedirectUris: [] } }),
    });
    expect(withOrders.status).toBe(401);
  });

  it('answers with no-store caching, success and error alike (RFC 6749 §5.1)', async () => {
    const ok = await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: indicator }, m2m);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('content-type')).toMatch(/^application\/json/);
    const refused = await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: 'https://unknown.example.com/api' }, m2m);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses an unknown resource with invalid_target', async () => {
    const response = await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: 'https://unknown.example.com/api' }, m2m);
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
  });

  it('refuses a resource that is not an absolute URI, and more than one resource, with invalid_target', async () => {
    expect(await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: 'orders' }, m2m)).toMatchObject({
      status: 400,
      body: { error: 'invalid_target' },
    });
    const form = new URLSearchParams([
      ['grant_type', 'client_credentials'],
      ['resource', indicator],
      ['resource', managementResource(t.app)],
    ]);
    const response = await fetch(`${t.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${m2m.id}:${m2m.secret}`).toString('base64')}`,
      },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_target' });
  });

  it('refuses a scope the resource does not define with invalid_scope', async () => {
    const response = await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: indicator, scope: 'launch:rockets' }, m2m);
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
  });

  it('refuses client_credentials to apps that sign users in (unauthorized_client)', async () => {
    const web = await t.management.createApplication({ type: 'Traditional', redirectUris: [rpUrl('/callback')] });
    const response = await rawTokenRequest(t.app, { grant_type: 'client_credentials', resource: indicator }, web);
    expect(response).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
  });

  it('refuses the user grants to a machine-to-machine app (unauthorized_client)', async () => {
    const response = await rawTokenRequest(t.app, { grant_type: 'refresh_token', refresh_token: 'anything' }, m2m);
    expect(response).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
  });
});
