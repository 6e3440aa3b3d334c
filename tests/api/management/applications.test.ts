import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const create = (body: Record<string, unknown>) => call('POST', '/api/applications', { body: { name: 'App', ...body } });

describe('POST /api/applications', () => {
  it('creates each type; confidential types get a one-time 256-bit secret, public ones none', async () => {
    for (const [type, confidential] of [
      ['Traditional', true],
      ['MachineToMachine', true],
      ['SPA', false],
      ['Native', false],
    ] as const) {
      const response = await create({ type });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ type, isThirdParty: false, customData: {}, customClientMetadata: {} });
      expect(response.body.oidcClientMetadata).toEqual({ redirectUris: [], postLogoutRedirectUris: [] });
      expect(typeof response.body.createdAt).toBe('number');
      if (confidential) expect(Buffer.from(response.body.secret, 'base64url')).toHaveLength(32);
      else expect(response.body).not.toHaveProperty('secret');
      const fetched = await call('GET', `/api/applications/${response.body.id}`);
      expect(fetched.body).not.toHaveProperty('secret');
      expect(fetched.body).toEqual({ ...response.body, secret: undefined });
    }
  });

  it('stores full client metadata', async () => {
    const body = {
      type: 'Traditional',
      description: 'The shop',
      oidcClientMetadata: {
        redirectUris: ['https://shop.example.com/callback', 'http://localhost:3000/callback', 'http://127.0.0.1:8080/cb'],
        postLogoutRedirectUris: ['https://shop.example.com/'],
        backchannelLogoutUri: 'https://shop.example.com/backchannel',
        backchannelLogoutSessionRequired: true,
        logoUri: 'https://shop.example.com/logo.png',
      },
      customClientMetadata: {
        idTokenTtl: 3600,
        refreshTokenTtlInDays: 30,
        alwaysIssueRefreshToken: true,
        rotateRefreshToken: false,
        corsAllowedOrigins: ['https://shop.example.com'],
      },
      customData: { plan: 'gold' },
      isThirdParty: true,
    };
    const response = await create(body);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject(body);
  });

  it('accepts private-use schemes and loopback http for native apps', async () => {
    const response = await create({
      type: 'Native',
      oidcClientMetadata: { redirectUris: ['com.example.app:/callback', 'http://127.0.0.1:51234/cb', 'http://[::1]/cb'] },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a relative URI', 'SPA', '/callback'],
    ['a fragment', 'Traditional', 'https://app.example.com/cb#frag'],
    ['plain http off loopback', 'SPA', 'http://app.example.com/cb'],
    ['a custom scheme for a web app', 'Traditional', 'com.example.app:/callback'],
    ['javascript: even for a native app', 'Native', 'javascript:alert(1)'],
    ['data: for a native app', 'Native', 'data:text/html,hi'],
  ])('rejects a redirect URI with %s (400 guard.invalid_input)', async (_case, type, uri) => {
    expectError(await create({ type, oidcClientMetadata: { redirectUris: [uri] } }), 400, 'guard.invalid_input');
    expectError(await create({ type, oidcClientMetadata: { postLogoutRedirectUris: [uri] } }), 400, 'guard.invalid_input');
  });

  it.each([
    { name: '' },
    { type: 'Protected' },
    { oidcClientMetadata: { backchannelLogoutUri: 'ftp://example.com/logout' } },
    { oidcClientMetadata: { backchannelLogoutUri: 'https://example.com/logout#x' } },
    { customClientMetadata: { refreshTokenTtlInDays: 0 } },
    { customClientMetadata: { refreshTokenTtlInDays: 181 } },
    { customClientMetadata: { corsAllowedOrigins: ['https://example.com/path'] } },
    { customClientMetadata: { idTokenTtl: 1.5 } },
  ])('rejects invalid input %j', async (override) => {
    expectError(await create({ type: 'Traditional', ...override }), 400, 'guard.invalid_input');
  });

  it('rejects a body that is not JSON', async () => {
    expectError(await call('POST', '/api/applications', { rawBody: '{nope' }), 400, 'guard.invalid_input');
  });

  it('refuses isThirdParty for machine-to-machine apps', async () => {
    const response = await create({ type: 'MachineToMachine', isThirdParty: true });
    expectError(response, 400, 'application.invalid_third_party_application_type');
  });
});

describe('GET /api/applications', () => {
  it('paginates with page and page_size, reporting Total-Number', async () => {
    const before = Number((await call('GET', '/api/applications')).headers.get('Total-Number'));
    for (let index = 0; index < 3; index++) await create({ name: `Paged ${index}`, type: 'SPA' });
    const first = await call('GET', '/api/applications?page=1&page_size=2');
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(2);
    expect(first.headers.get('Total-Number')).toBe(String(before + 3));
    const last = await call('GET', `/api/applications?page=${Math.ceil((before + 3) / 2)}&page_size=2`);
    expect(last.body).toHaveLength((before + 3) % 2 || 2);
    const ids = new Set([...first.body, ...last.body].map((app: { id: string }) => app.id));
    expect(ids.size).toBe(first.body.length + last.body.length);
    // Newest first.
    expect(first.body[0].name).toBe('Paged 2');
  });

  it.each(['page=0', 'page_size=101', 'page=abc', 'page_size=0'])('rejects %s', async (query) => {
    expectError(await call('GET', `/api/applications?${query}`), 400, 'guard.invalid_input');
  });
});

describe('GET/PATCH/DELETE /api/applications/:id', () => {
  it('answers 404 entity.not_exists_with_id for an unknown id', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const response = await call(method, '/api/applications/missing', { body: method === 'PATCH' ? { name: 'x' } : undefined });
      expectError(response, 404, 'entity.not_exists_with_id');
      expect(response.body.data).toEqual({ name: 'application', id: 'missing' });
    }
  });

  it('merges JSON fields, removes a field on null, and checks URIs against the stored type', async () => {
    const { body: app } = await create({
      type: 'SPA',
      oidcClientMetadata: { redirectUris: ['https://a.example.com/cb'], backchannelLogoutUri: 'https://a.example.com/bc' },
      customData: { a: 1 },
    });
    const patched = await call('PATCH', `/api/applications/${app.id}`, {
      body: {
        name: 'Renamed',
        description: 'now described',
        oidcClientMetadata: { postLogoutRedirectUris: ['https://a.example.com/bye'], backchannelLogoutUri: null },
        customClientMetadata: { rotateRefreshToken: true },
        customData: { b: 2 },
        type: 'Traditional',
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Renamed',
      description: 'now described',
      type: 'SPA',
      oidcClientMetadata: { redirectUris: ['https://a.example.com/cb'], postLogoutRedirectUris: ['https://a.example.com/bye'] },
      customClientMetadata: { rotateRefreshToken: true },
      customData: { a: 1, b: 2 },
    });
    expect(patched.body.oidcClientMetadata).not.toHaveProperty('backchannelLogoutUri');
    const bad = await call('PATCH', `/api/applications/${app.id}`, { body: { oidcClientMetadata: { redirectUris: ['myapp:/cb'] } } });
    expectError(bad, 400, 'guard.invalid_input');
    expect((await call('GET', `/api/applications/${app.id}`)).body).toEqual(patched.body);
  });

  it('deletes with 204, after which the app is gone', async () => {
    const { body: app } = await create({ type: 'Native' });
    const deleted = await call('DELETE', `/api/applications/${app.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expectError(await call('GET', `/api/applications/${app.id}`), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', `/api/applications/${app.id}`), 404, 'entity.not_exists_with_id');
  });
});
