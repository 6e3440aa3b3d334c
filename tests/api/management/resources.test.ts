import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, MANAGEMENT_RESOURCE, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

let counter = 0;
async function createResource(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await call('POST', '/api/resources', { body: { name: `API ${counter}`, indicator: `https://api${counter}.example.com`, ...overrides } });
  expect(response.status).toBe(201);
  return response.body;
}

describe('API resources', () => {
  it('lists the built-in Management API resource first, with its `all` scope', async () => {
    const response = await call('GET', '/api/resources?includeScopes=true');
    expect(response.status).toBe(200);
    expect(response.body[0]).toMatchObject({ id: 'management-api', indicator: MANAGEMENT_RESOURCE, isBuiltIn: true });
    expect(response.body[0].scopes.map((scope: { name: string }) => scope.name)).toEqual(['all']);
    const without = await call('GET', '/api/resources');
    expect(without.body[0]).not.toHaveProperty('scopes');
  });

  it('creates (201, default TTL 3600, empty scopes), reads, updates and deletes', async () => {
    const created = await createResource({ name: 'Orders', indicator: 'https://orders.example.com/api' });
    expect(created).toMatchObject({ name: 'Orders', indicator: 'https://orders.example.com/api', accessTokenTtl: 3600, isDefault: false, isBuiltIn: false, scopes: [] });
    const fetched = await call('GET', `/api/resources/${created.id}`);
    expect(fetched.body).toEqual({ ...created, scopes: undefined });
    const patched = await call('PATCH', `/api/resources/${created.id}`, { body: { name: 'Orders v2', accessTokenTtl: 600 } });
    expect(patched.body).toMatchObject({ name: 'Orders v2', accessTokenTtl: 600, indicator: 'https://orders.example.com/api' });
    expect((await call('DELETE', `/api/resources/${created.id}`)).status).toBe(204);
    expectError(await call('GET', `/api/resources/${created.id}`), 404, 'entity.not_exists_with_id');
    expectError(await call('PATCH', `/api/resources/${created.id}`, { body: { name: 'x' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', `/api/resources/${created.id}`), 404, 'entity.not_exists_with_id');
  });

  it('refuses a duplicate indicator with 422 resource.resource_identifier_in_use (the management one too)', async () => {
    const first = await createResource();
    const again = await call('POST', '/api/resources', { body: { name: 'Copy', indicator: first.indicator } });
    expectError(again, 422, 'resource.resource_identifier_in_use');
    const management = await call('POST', '/api/resources', { body: { name: 'Copy', indicator: MANAGEMENT_RESOURCE } });
    expectError(management, 422, 'resource.resource_identifier_in_use');
  });

  it.each([
    { name: 'x', indicator: 'not a uri' },
    { name: 'x', indicator: 'https://a.example.com/#frag' },
    { name: '', indicator: 'https://b.example.com' },
    { name: 'x', indicator: 'https://c.example.com', accessTokenTtl: 10 },
    { name: 'x', indicator: 'https://d.example.com', accessTokenTtl: 86_401 },
  ])('rejects %j with 400', async (body) => {
    expectError(await call('POST', '/api/resources', { body }), 400, 'guard.invalid_input');
  });

  it('keeps exactly one default resource', async () => {
    const a = await createResource();
    const b = await createResource();
    expect((await call('PATCH', `/api/resources/${a.id}/is-default`, { body: { isDefault: true } })).body.isDefault).toBe(true);
    expect((await call('PATCH', `/api/resources/${b.id}/is-default`, { body: { isDefault: true } })).body.isDefault).toBe(true);
    const all = await call('GET', '/api/resources?page_size=100');
    expect(all.body.filter((resource: { isDefault: boolean }) => resource.isDefault).map((resource: { id: string }) => resource.id)).toEqual([b.id]);
    expect((await call('PATCH', `/api/resources/${b.id}/is-default`, { body: { isDefault: false } })).body.isDefault).toBe(false);
    expectError(await call('PATCH', `/api/resources/${b.id}/is-default`, { body: { isDefault: 'yes' } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', '/api/resources/missing/is-default', { body: { isDefault: true } }), 404, 'entity.not_exists_with_id');
  });

  it('protects the built-in Management API resource and its scopes with 403', async () => {
    expectError(await call('PATCH', '/api/resources/management-api', { body: { accessTokenTtl: 60 } }), 403, 'resource.cannot_modify_management_api');
    expectError(await call('PATCH', '/api/resources/management-api/is-default', { body: { isDefault: true } }), 403, 'resource.cannot_modify_management_api');
    expectError(await call('DELETE', '/api/resources/management-api'), 403, 'resource.cannot_delete_management_api');
    expectError(await call('POST', '/api/resources/management-api/scopes', { body: { name: 'read' } }), 403, 'resource.cannot_modify_management_api');
    expectError(await call('PATCH', '/api/resources/management-api/scopes/management-api-all', { body: { name: 'x' } }), 403, 'resource.cannot_modify_management_api');
    expectError(await call('DELETE', '/api/resources/management-api/scopes/management-api-all'), 403, 'resource.cannot_modify_management_api');
    expect((await call('GET', '/api/resources/management-api')).body).toMatchObject({ accessTokenTtl: 3600, isBuiltIn: true });
  });

  it('paginates with Total-Number', async () => {
    await createResource();
    const total = Number((await call('GET', '/api/resources')).headers.get('Total-Number'));
    expect(total).toBeGreaterThanOrEqual(2);
    const page = await call('GET', `/api/resources?page=${total}&page_size=1`);
    expect(page.body).toHaveLength(1);
    expect((await call('GET', `/api/resources?page=${total + 1}&page_size=1`)).body).toEqual([]);
  });
});

describe('API resource scopes', () => {
  it('creates (201), lists with pagination, updates and deletes scopes', async () => {
    const resource = await createResource();
    const read = await call('POST', `/api/resources/${resource.id}/scopes`, { body: { name: 'read:orders', description: 'Read orders' } });
    expect(read.status).toBe(201);
    expect(read.body).toEqual({ id: expect.any(String), resourceId: resource.id, name: 'read:orders', description: 'Read orders', createdAt: expect.any(Number) });
    await call('POST', `/api/resources/${resource.id}/scopes`, { body: { name: 'write:orders' } });
    const page = await call('GET', `/api/resources/${resource.id}/scopes?page=1&page_size=1`);
    expect(page.body.map((scope: { name: string }) => scope.name)).toEqual(['read:orders']);
    expect(page.headers.get('Total-Number')).toBe('2');
    const patched = await call('PATCH', `/api/resources/${resource.id}/scopes/${read.body.id}`, { body: { name: 'orders:read', description: null } });
    expect(patched.body).toMatchObject({ name: 'orders:read', description: null });
    expect((await call('DELETE', `/api/resources/${resource.id}/scopes/${read.body.id}`)).status).toBe(204);
    expect((await call('GET', `/api/resources/${resource.id}/scopes`)).headers.get('Total-Number')).toBe('1');
  });

  it('refuses duplicate names per resource (422) but allows the same name on another resource', async () => {
    const [a, b] = [await createResource(), await createResource()];
    await call('POST', `/api/resources/${a.id}/scopes`, { body: { name: 'read' } });
    expectError(await call('POST', `/api/resources/${a.id}/scopes`, { body: { name: 'read' } }), 422, 'scope.name_exists');
    expect((await call('POST', `/api/resources/${b.id}/scopes`, { body: { name: 'read' } })).status).toBe(201);
    const write = await call('POST', `/api/resources/${a.id}/scopes`, { body: { name: 'write' } });
    expectError(await call('PATCH', `/api/resources/${a.id}/scopes/${write.body.id}`, { body: { name: 'read' } }), 422, 'scope.name_exists');
  });

  it.each(['has space', 'quo"te', 'back\\slash', ''])('rejects the scope name %j with 400', async (name) => {
    const resource = await createResource();
    expectError(await call('POST', `/api/resources/${resource.id}/scopes`, { body: { name } }), 400, 'guard.invalid_input');
  });

  it('answers 404 for an unknown resource, or a scope addressed through the wrong resource', async () => {
    const [a, b] = [await createResource(), await createResource()];
    const scope = await call('POST', `/api/resources/${a.id}/scopes`, { body: { name: 'x' } });
    expectError(await call('GET', '/api/resources/missing/scopes'), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/resources/missing/scopes', { body: { name: 'x' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('PATCH', `/api/resources/${b.id}/scopes/${scope.body.id}`, { body: { name: 'y' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', `/api/resources/${b.id}/scopes/${scope.body.id}`), 404, 'entity.not_exists_with_id');
  });
});
