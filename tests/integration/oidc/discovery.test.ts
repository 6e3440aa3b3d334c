import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startApp, type AppServer } from '../../support/app-server';
import { adminToken, ManagementApi } from '../../support/oidc/management';
import { startOidcApp, rpUrl } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, issuerOf, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// OpenID Connect Discovery 1.0, RFC 8414 and the JWKS (RFC 7517), as an RP reads them.
describe('discovery and keys', () => {
  let app: AppServer;
  let management: ManagementApi;
  let dataDir: string;
  let metadata: Record<string, unknown>;

  beforeAll(async () => {
    // Our own data directory, so the last test can restart the server on the same database.
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-discovery-'));
    ({ app, management } = await startOidcApp({ DATA_DIR: dataDir }));
    const response = await fetch(`${issuerOf(app)}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    metadata = (await response.json()) as Record<string, unknown>;
  });

  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the issuer `${APP_URL}/oidc` and endpoints under it', () => {
    const issuer = issuerOf(app);
    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/me`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
      revocation_endpoint: `${issuer}/token/revocation`,
      introspection_endpoint: `${issuer}/token/introspection`,
    });
  });

  it('lists only what is supported: code flow, S256 only, the iss response parameter, back-channel logout', () => {
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.response_modes_supported).toEqual(expect.arrayContaining(['query', 'form_post']));
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.backchannel_logout_session_supported).toBe(true);
    expect(metadata.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    expect(metadata.grant_types_supported).not.toContain('implicit');
    expect(metadata.subject_types_supported).toEqual(['public']);
    expect(metadata.id_token_signing_alg_values_supported).toContain('RS256');
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'none']),
    );
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'offline_access', 'profile', 'email']));
    expect(metadata.claims_supported).toEqual(expect.arrayContaining(['sub', 'iss', 'auth_time', 'name', 'email']));
    // OIDC Core §6: request objects are refused, so they must not be advertised.
    expect(metadata.request_parameter_supported).toBe(false);
    expect(metadata.request_uri_parameter_supported).toBe(false);
  });

  it('serves the identical document at the RFC 8414 oauth-authorization-server alias', async () => {
    const response = await fetch(`${issuerOf(app)}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(metadata);
  });

  it('serves RFC 8414 metadata at the path-inserted well-known URI (§3.1), as OAuth-only clients look it up', async () => {
    const response = await fetch(`${app.baseUrl}/.well-known/oauth-authorization-server/oidc`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(metadata);
  });

  it('is accepted by openid-client discovery, which checks the issuer, for OIDC and for plain OAuth 2.0', async () => {
    for (const algorithm of ['oidc', 'oauth2'] as const) {
      const config = await client.discovery(new URL(issuerOf(app)), 'any-client', {}, client.None(), {
        algorithm,
        execute: [client.allowInsecureRequests],
      });
      const server = config.serverMetadata();
      expect(server.issuer).toBe(issuerOf(app));
      expect(server.supportsPKCE()).toBe(true);
      expect(server.supportsPKCE('plain')).toBe(false);
    }
  });

  it('publishes an RS256 key and an EC key in the JWKS, public parts only', async () => {
    const response = await fetch(metadata.jwks_uri as string);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
    const rsa = keys.find((key) => key.kty === 'RSA');
    const ec = keys.find((key) => key.kty === 'EC');
    expect(rsa).toMatchObject({ alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    expect(ec).toMatchObject({ alg: 'ES256', crv: 'P-256', use: 'sig', kid: expect.any(String), x: expect.any(String), y: expect.any(String) });
    expect(new Set(keys.map((key) => key.kid)).size).toBe(keys.length);
    for (const key of keys) for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(secret);
  });

  it('rotates keys: new tokens use new keys, and tokens signed before stay verifiable (grace period)', async () => {
    const jwksUri = new URL(`${issuerOf(app)}/jwks`);
    const callback = rpUrl('/callback');
    const web = await management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    const user = await management.createUser();
    const rp = await relyingParty(app, web);
    const idToken = async () => {
      const pending = await authorizationRequest(rp, { redirectUri: callback });
      return (await redeem(rp, callbackFrom(await signIn(new Browser(app.baseUrl), pending.url, user), callback), pending)).id_token!;
    };
    const oldIdToken = await idToken();
    const oldAccessToken = await adminToken(app);
    const oldKids = [decodeProtectedHeader(oldIdToken).kid, decodeProtectedHeader(oldAccessToken).kid];

    const rotated = await management.call<Array<{ kid: string; retiredAt: number | null }>>('POST', '/api/configs/oidc/private-keys/rotate', {});
    expect(rotated.filter((key) => oldKids.includes(key.kid)).every((key) => key.retiredAt !== null)).toBe(true);

    const newIdToken = await idToken();
    const newAccessToken = await adminToken(app);
    expect(oldKids).not.toContain(decodeProtectedHeader(newIdToken).kid);
    expect(oldKids).not.toContain(decodeProtectedHeader(newAccessToken).kid);

    // A fresh RP download of the JWKS verifies tokens from both sides of the rotation.
    const jwks = createRemoteJWKSet(jwksUri);
    for (const token of [oldIdToken, newIdToken]) await expect(jwtVerify(token, jwks, { issuer: issuerOf(app), audience: web.id })).resolves.toBeDefined();
    // The Management API still takes the access token signed before the rotation.
    const listed = await fetch(`${app.baseUrl}/api/configs/oidc/private-keys`, { headers: { authorization: `Bearer ${oldAccessToken}` } });
    expect(listed.status).toBe(200);
  });

  it('keeps the keys in the database: after a restart, a code redemption as the first signing loads them', async () => {
    const kids = async () =>
      ((await (await fetch(`${issuerOf(app)}/jwks`)).json()) as { keys: Array<{ kid: string }> }).keys.map((key) => key.kid).sort();
    const callback = rpUrl('/callback');
    const web = await management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    const user = await management.createUser();
    const before = await kids();
    await app.stop();

    app = await startApp({ env: { DATA_DIR: dataDir } });
    // Nothing in the new process has touched the keys: the token endpoint loads them,
    // around the transaction that consumes the code.
    const rp = await relyingParty(app, web);
    const pending = await authorizationRequest(rp, { redirectUri: callback });
    const tokens = await redeem(rp, callbackFrom(await signIn(new Browser(app.baseUrl), pending.url, user), callback), pending);
    expect(tokens.claims()!.sub).toBe(user.id);
    expect(await kids()).toEqual(before);
  });
});
