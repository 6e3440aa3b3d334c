import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueJwtAccessToken } from '@/lib/oidc/tokens/jwt-access-token';
import { signJwt } from '@/lib/oidc/jwt';
import {
  call,
  clientToken,
  createMachineApp,
  expectError,
  MANAGEMENT_RESOURCE,
  APP_URL,
  routeMethods,
  routePatterns,
  startManagementApi,
  stopManagementApi,
} from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

/** Every (method, concrete path) of the Management API, with placeholder ids. */
async function everyRoute(): Promise<Array<[string, string]>> {
  const routes: Array<[string, string]> = [];
  for (const pattern of routePatterns) {
    const path = pattern.replace(/\[\w+\]/g, 'some-id');
    for (const method of await routeMethods(pattern)) routes.push([method, path]);
  }
  return routes;
}

const validBodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : { name: 'x', type: 'SPA' });

describe('Management API authentication', () => {
  it('finds every route file (sanity check of the sweep below)', async () => {
    const routes = await everyRoute();
    expect(routes.length).toBeGreaterThanOrEqual(52);
    expect(routes).toContainEqual(['POST', '/api/configs/oidc/private-keys/rotate']);
    expect(routes).toContainEqual(['DELETE', '/api/applications/some-id/secrets/some-id']);
    expect(routes).toContainEqual(['POST', '/api/one-time-tokens/verify']);
    expect(routes).toContainEqual(['PUT', '/api/one-time-tokens/some-id/status']);
    expect(routes).toContainEqual(['PATCH', '/api/sign-in-exp']);
  });

  it('answers 401 auth.authorization_header_missing on every route without a token, before any validation or lookup', async () => {
    for (const [method, path] of await everyRoute()) {
      const response = await call(method, path, { token: null, body: validBodyFor(method) });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 401, 'auth.authorization_header_missing']);
    }
  });

  it('answers 401 on every route for a malformed or non-Bearer token', async () => {
    for (const [method, path] of await everyRoute()) {
      const garbage = await call(method, path, { token: 'not-a-jwt', body: validBodyFor(method) });
      expect([method, path, garbage.status, garbage.body.code]).toEqual([method, path, 401, 'auth.unauthorized']);
    }
    const basic = await call('GET', '/api/users', { authorization: 'Basic dGVzdDp0ZXN0' });
    expectError(basic, 401, 'auth.authorization_token_type_not_supported');
  });

  it('answers 401 for an expired token signed by our own key', async () => {
    const { token } = await issueJwtAccessToken({
      audience: MANAGEMENT_RESOURCE,
      subject: 'test-admin',
      clientId: 'test-admin',
      scopes: ['all'],
      ttlSeconds: -60,
    });
    expectError(await call('GET', '/api/users', { token }), 401, 'auth.unauthorized');
  });

  it('answers 401 for a well-formed token signed by a key that is not ours', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const now = Math.floor(Date.now() / 1000);
    const forged = await signJwt(
      { iss: `${APP_URL}/oidc`, aud: MANAGEMENT_RESOURCE, sub: 'x', client_id: 'x', scope: 'all', iat: now, exp: now + 600 },
      { kid: 'forged', alg: 'ES256', privateKey },
      'at+jwt',
    );
    expectError(await call('GET', '/api/users', { token: forged }), 401, 'auth.unauthorized');
  });

  it('answers 401 for a valid token issued for another API resource', async () => {
    const resource = await call('POST', '/api/resources', { body: { name: 'Orders', indicator: 'https://orders.example.com' } });
    const scope = await call('POST', `/api/resources/${resource.body.id}/scopes`, { body: { name: 'all' } });
    const app = await createMachineApp({ resourceId: resource.body.id, scopeIds: [scope.body.id] });
    const token = await clientToken(app.id, app.secret, { resource: 'https://orders.example.com', scope: 'all' });
    expectError(await call('GET', '/api/users', { token }), 401, 'auth.unauthorized');
  });

  it('answers 403 auth.forbidden on every route for a Management API token without the `all` scope', async () => {
    // An M2M app with no role on the management resource gets a token for it with no scope at all.
    const app = await createMachineApp();
    const token = await clientToken(app.id, app.secret);
    for (const [method, path] of await everyRoute()) {
      const response = await call(method, path, { token, body: validBodyFor(method) });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 403, 'auth.forbidden']);
    }
  });

  it('lets the bootstrap admin in', async () => {
    const response = await call('GET', '/api/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('Total-Number')).toBe('0');
  });
});
