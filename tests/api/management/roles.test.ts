import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientToken, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

async function createRole(body: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/roles', { body: { name: unique('role'), ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function resourceWithScopes(...names: string[]) {
  const resource = await call('POST', '/api/resources', { body: { name: 'API', indicator: `https://${unique('api')}.example.com` } });
  const scopes = [];
  for (const name of names) scopes.push((await call('POST', `/api/resources/${resource.body.id}/scopes`, { body: { name } })).body);
  return { resource: resource.body, scopes };
}

const createUser = async () => (await call('POST', '/api/users', { body: { username: unique('user').replace('-', '_') } })).body;
const createApp = async (type = 'MachineToMachine') => (await call('POST', '/api/applications', { body: { name: 'app', type } })).body;

describe('roles', () => {
  it('creates (User by default), reads, renames and deletes', async () => {
    const role = await createRole({ description: 'Support agents' });
    expect(role).toEqual({ id: expect.any(String), name: role.name, description: 'Support agents', type: 'User', createdAt: expect.any(Number) });
    expect((await call('GET', `/api/roles/${role.id}`)).body).toEqual(role);
    const renamed = await call('PATCH', `/api/roles/${role.id}`, { body: { name: 'Renamed role', description: '' } });
    expect(renamed.body).toMatchObject({ name: 'Renamed role', description: '', type: 'User' });
    expect((await call('DELETE', `/api/roles/${role.id}`)).status).toBe(204);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      expectError(await call(method, `/api/roles/${role.id}`, { body: method === 'PATCH' ? { name: 'x' } : undefined }), 404, 'entity.not_exists_with_id');
    }
  });

  it('refuses a duplicate name with 422 role.name_in_use, on create and rename', async () => {
    const role = await createRole();
    expectError(await call('POST', '/api/roles', { body: { name: role.name } }), 422, 'role.name_in_use');
    const other = await createRole();
    expectError(await call('PATCH', `/api/roles/${other.id}`, { body: { name: role.name } }), 422, 'role.name_in_use');
  });

  it.each([{ name: '' }, { name: 'x', type: 'Admin' }, { name: 'x', scopeIds: [] }, { name: 'x', scopeIds: 'abc' }])('rejects %j with 400', async (body) => {
    expectError(await call('POST', '/api/roles', { body }), 400, 'guard.invalid_input');
  });

  it('filters by type and search, excludes a user\'s roles, and paginates', async () => {
    const m2m = await createRole({ type: 'MachineToMachine', name: unique('filter-m2m') });
    const user = await createUser();
    const held = await createRole({ name: unique('filter-user') });
    await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: [held.id] } });
    const machine = await call('GET', '/api/roles?type=MachineToMachine&page_size=100');
    expect(machine.body.every((role: { type: string }) => role.type === 'MachineToMachine')).toBe(true);
    expect(machine.body.map((role: { id: string }) => role.id)).toContain(m2m.id);
    const searched = await call('GET', '/api/roles?search=filter-');
    expect(searched.headers.get('Total-Number')).toBe('2');
    const excluded = await call('GET', `/api/roles?search=filter-&excludeUserId=${user.id}`);
    expect(excluded.body.map((role: { id: string }) => role.id)).toEqual([m2m.id]);
    expect((await call('GET', '/api/roles?search=filter-&page=2&page_size=1')).body).toHaveLength(1);
    expectError(await call('GET', '/api/roles?type=Other'), 400, 'guard.invalid_input');
  });
});

describe('role scopes', () => {
  it('creates a role with scopeIds, lists them with their resource, adds and removes scopes', async () => {
    const { resource, scopes } = await resourceWithScopes('read', 'write', 'delete');
    const role = await createRole({ scopeIds: [scopes[0].id] });
    const listed = await call('GET', `/api/roles/${role.id}/scopes`);
    expect(listed.body).toEqual([{ ...scopes[0], resource: { id: resource.id, name: resource.name, indicator: resource.indicator } }]);
    const added = await call('POST', `/api/roles/${role.id}/scopes`, { body: { scopeIds: [scopes[1].id, scopes[2].id] } });
    expect(added.status).toBe(200);
    expect(added.body.map((scope: { name: string }) => scope.name)).toEqual(['read', 'write', 'delete']);
    expect((await call('GET', `/api/roles/${role.id}/scopes?page=2&page_size=2`)).body).toHaveLength(1);
    expectError(await call('POST', `/api/roles/${role.id}/scopes`, { body: { scopeIds: [scopes[0].id] } }), 422, 'role.scope_exists');
    expect((await call('DELETE', `/api/roles/${role.id}/scopes/${scopes[0].id}`)).status).toBe(204);
    expectError(await call('DELETE', `/api/roles/${role.id}/scopes/${scopes[0].id}`), 404, 'entity.not_found');
    expect((await call('GET', `/api/roles/${role.id}/scopes`)).headers.get('Total-Number')).toBe('2');
  });

  it('answers 404 for an unknown role or scope, and creates nothing when a scope is unknown', async () => {
    const name = unique('atomic');
    expectError(await call('POST', '/api/roles', { body: { name, scopeIds: ['missing'] } }), 404, 'entity.not_exists_with_id');
    expect((await call('GET', `/api/roles?search=${name}`)).headers.get('Total-Number')).toBe('0');
    const role = await createRole();
    expectError(await call('POST', `/api/roles/${role.id}/scopes`, { body: { scopeIds: ['missing'] } }), 404, 'entity.not_exists_with_id');
    expectError(await call('GET', '/api/roles/missing/scopes'), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/roles/missing/scopes', { body: { scopeIds: ['x'] } }), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', '/api/roles/missing/scopes/x'), 404, 'entity.not_exists_with_id');
  });

  it('never lets a User role carry a Management API scope', async () => {
    expectError(
      await call('POST', '/api/roles', { body: { name: unique('evil'), scopeIds: ['management-api-all'] } }),
      400,
      'role.management_api_scopes_not_assignable_to_user_role',
    );
    const role = await createRole();
    expectError(
      await call('POST', `/api/roles/${role.id}/scopes`, { body: { scopeIds: ['management-api-all'] } }),
      400,
      'role.management_api_scopes_not_assignable_to_user_role',
    );
    expect((await createRole({ type: 'MachineToMachine', scopeIds: ['management-api-all'] })).type).toBe('MachineToMachine');
  });
});

describe('role members', () => {
  it('assigns users (201), lists them, refuses repeats and M2M roles, and removes them', async () => {
    const role = await createRole();
    const [alice, bob] = [await createUser(), await createUser()];
    expect((await call('POST', `/api/roles/${role.id}/users`, { body: { userIds: [alice.id, bob.id] } })).status).toBe(201);
    const members = await call('GET', `/api/roles/${role.id}/users?page_size=1`);
    expect(members.headers.get('Total-Number')).toBe('2');
    expect(members.body[0]).not.toHaveProperty('passwordHash');
    expectError(await call('POST', `/api/roles/${role.id}/users`, { body: { userIds: [alice.id] } }), 422, 'role.user_exists');
    const m2m = await createRole({ type: 'MachineToMachine' });
    expectError(await call('POST', `/api/roles/${m2m.id}/users`, { body: { userIds: [alice.id] } }), 422, 'user.invalid_role_type');
    expectError(await call('POST', `/api/roles/${role.id}/users`, { body: { userIds: ['missing'] } }), 404, 'entity.not_exists_with_id');
    expect((await call('DELETE', `/api/roles/${role.id}/users/${alice.id}`)).status).toBe(204);
    expectError(await call('DELETE', `/api/roles/${role.id}/users/${alice.id}`), 404, 'entity.not_found');
    expect((await call('GET', `/api/roles/${role.id}/users`)).body.map((user: { id: string }) => user.id)).toEqual([bob.id]);
    expectError(await call('GET', '/api/roles/missing/users'), 404, 'entity.not_exists_with_id');
  });

  it('assigns M2M apps, refusing user roles and non-M2M apps, and the grant reaches client_credentials tokens', async () => {
    const { resource, scopes } = await resourceWithScopes('read');
    const role = await createRole({ type: 'MachineToMachine', scopeIds: [scopes[0].id] });
    const app = await createApp();
    const before = await clientToken(app.id, app.secret, { resource: resource.indicator, scope: 'read' });
    expect(JSON.parse(Buffer.from(before.split('.')[1]!, 'base64url').toString()).scope).toBe('');

    expect((await call('POST', `/api/roles/${role.id}/applications`, { body: { applicationIds: [app.id] } })).status).toBe(201);
    const listed = await call('GET', `/api/roles/${role.id}/applications`);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toEqual([app.id]);
    expect(listed.body[0]).not.toHaveProperty('secret');
    const after = await clientToken(app.id, app.secret, { resource: resource.indicator, scope: 'read' });
    expect(JSON.parse(Buffer.from(after.split('.')[1]!, 'base64url').toString()).scope).toBe('read');

    expectError(await call('POST', `/api/roles/${role.id}/applications`, { body: { applicationIds: [app.id] } }), 422, 'role.application_exists');
    const userRole = await createRole();
    expectError(await call('POST', `/api/roles/${userRole.id}/applications`, { body: { applicationIds: [app.id] } }), 422, 'application.invalid_role_type');
    const spa = await createApp('SPA');
    expectError(await call('POST', `/api/roles/${role.id}/applications`, { body: { applicationIds: [spa.id] } }), 422, 'application.invalid_type');

    expect((await call('DELETE', `/api/roles/${role.id}/applications/${app.id}`)).status).toBe(204);
    const revoked = await clientToken(app.id, app.secret, { resource: resource.indicator, scope: 'read' });
    expect(JSON.parse(Buffer.from(revoked.split('.')[1]!, 'base64url').toString()).scope).toBe('');
    expectError(await call('DELETE', `/api/roles/${role.id}/applications/${app.id}`), 404, 'entity.not_found');
    expectError(await call('GET', '/api/roles/missing/applications'), 404, 'entity.not_exists_with_id');
  });

  it('manages an app\'s roles from the app side: skip repeats, 422 for user roles and non-M2M apps', async () => {
    const app = await createApp();
    const [first, second] = [await createRole({ type: 'MachineToMachine' }), await createRole({ type: 'MachineToMachine' })];
    const added = await call('POST', `/api/applications/${app.id}/roles`, { body: { roleIds: [first.id] } });
    expect(added).toMatchObject({ status: 201, body: { roleIds: [first.id], addedRoleIds: [first.id] } });
    const again = await call('POST', `/api/applications/${app.id}/roles`, { body: { roleIds: [first.id, second.id] } });
    expect(again.body).toEqual({ roleIds: [first.id, second.id], addedRoleIds: [second.id] });
    const listed = await call('GET', `/api/applications/${app.id}/roles`);
    expect(listed.headers.get('Total-Number')).toBe('2');
    const userRole = await createRole();
    expectError(await call('POST', `/api/applications/${app.id}/roles`, { body: { roleIds: [userRole.id] } }), 422, 'application.invalid_role_type');
    expectError(await call('POST', `/api/applications/${app.id}/roles`, { body: { roleIds: ['missing'] } }), 404, 'entity.not_exists_with_id');
    const native = await createApp('Native');
    expectError(await call('GET', `/api/applications/${native.id}/roles`), 422, 'application.invalid_type');
    expectError(await call('POST', `/api/applications/${native.id}/roles`, { body: { roleIds: [first.id] } }), 422, 'application.invalid_type');
    expectError(await call('GET', '/api/applications/missing/roles'), 404, 'entity.not_exists_with_id');
    expect((await call('DELETE', `/api/applications/${app.id}/roles/${first.id}`)).status).toBe(204);
    expectError(await call('DELETE', `/api/applications/${app.id}/roles/${first.id}`), 404, 'entity.not_found');
    expectError(await call('POST', `/api/applications/${app.id}/roles`, { body: { roleIds: [] } }), 400, 'guard.invalid_input');
  });

  it('deleting a role removes it from its holders', async () => {
    const role = await createRole();
    const user = await createUser();
    await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: [role.id] } });
    await call('DELETE', `/api/roles/${role.id}`);
    expect((await call('GET', `/api/users/${user.id}/roles`)).headers.get('Total-Number')).toBe('0');
  });
});
