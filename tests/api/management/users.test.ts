import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const USER_FIELDS = [
  'avatar',
  'createdAt',
  'customData',
  'hasPassword',
  'id',
  'isSuspended',
  'lastSignInAt',
  'name',
  'primaryEmail',
  'primaryPhone',
  'profile',
  'updatedAt',
  'username',
];

const createUser = (body: Record<string, unknown>) => call('POST', '/api/users', { body });

describe('POST /api/users', () => {
  it('creates a user with an argon2id password hash that never appears in the answer', async () => {
    const response = await createUser({
      username: 'alice',
      primaryEmail: 'Alice@Example.com',
      primaryPhone: '15551234567',
      password: 'correct horse battery staple',
      name: 'Alice',
      avatar: 'https://example.com/alice.png',
      profile: { givenName: 'Alice', address: { country: 'NZ' } },
      customData: { plan: 'pro' },
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(USER_FIELDS);
    expect(response.body).toMatchObject({ username: 'alice', primaryEmail: 'Alice@Example.com', hasPassword: true, isSuspended: false, lastSignInAt: null });
    expect(typeof response.body.createdAt).toBe('number');
    const [row] = await (await getDb()).select({ passwordHash: users.passwordHash }).from(users);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(response.body)).not.toContain('argon2');
  });

  it.each([
    ['no identifier', { name: 'Nobody', password: 'secret' }],
    ['an invalid email', { primaryEmail: 'not-an-email' }],
    ['a username starting with a digit', { username: '1bob' }],
    ['a phone with letters', { primaryPhone: '555-CALL' }],
    ['an empty password', { username: 'bob', password: '' }],
    ['a non-http avatar', { username: 'bob', avatar: 'javascript:alert(1)' }],
  ])('rejects %s with 400 guard.invalid_input', async (_case, body) => {
    expectError(await createUser(body), 400, 'guard.invalid_input');
  });

  it('refuses identifiers already in use, comparing case-insensitively', async () => {
    await createUser({ username: 'Carol', primaryEmail: 'carol@example.com', primaryPhone: '15550000001' });
    expectError(await createUser({ username: 'carol' }), 422, 'user.username_already_in_use');
    expectError(await createUser({ primaryEmail: 'CAROL@example.COM' }), 422, 'user.email_already_in_use');
    expectError(await createUser({ primaryPhone: '15550000001' }), 422, 'user.phone_already_in_use');
  });

  it('lets exactly one of two concurrent creations of the same username win', async () => {
    const results = await Promise.all([createUser({ username: 'racer' }), createUser({ username: 'RACER' })]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 422]);
  });
});

describe('GET /api/users', () => {
  it('searches username, email, phone and name, and paginates with Total-Number', async () => {
    for (let index = 0; index < 3; index++) await createUser({ username: `search_${index}`, name: `Searchable ${index}` });
    await createUser({ primaryEmail: 'zed+search_x@example.com' });
    const page = await call('GET', '/api/users?search=search_&page=1&page_size=2');
    expect(page.status).toBe(200);
    expect(page.headers.get('Total-Number')).toBe('4');
    expect(page.body).toHaveLength(2);
    expect((await call('GET', '/api/users?search=search_&page=2&page_size=2')).body).toHaveLength(2);
    expect((await call('GET', '/api/users?search=Searchable%201')).body.map((user: { username: string }) => user.username)).toEqual(['search_1']);
    // `%` and `_` are literal characters in a search, not wildcards.
    expect((await call('GET', '/api/users?search=%25')).headers.get('Total-Number')).toBe('0');
    expect((await call('GET', '/api/users?search=15550000001')).body).toHaveLength(1);
    expectError(await call('GET', '/api/users?page_size=1000'), 400, 'guard.invalid_input');
  });
});

describe('/api/users/:id', () => {
  it('reads, updates (clearing with "" or null) and deletes a user', async () => {
    const { body: user } = await createUser({ username: 'dave', primaryEmail: 'dave@example.com', name: 'Dave', customData: { a: 1 } });
    expect((await call('GET', `/api/users/${user.id}`)).body).toEqual(user);
    const patched = await call('PATCH', `/api/users/${user.id}`, {
      body: { primaryEmail: '', name: null, username: 'david', customData: { b: 2 }, profile: { nickname: 'D' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ username: 'david', primaryEmail: null, name: null, customData: { b: 2 }, profile: { nickname: 'D' } });
    expect(patched.body.updatedAt).toBeGreaterThanOrEqual(user.updatedAt);
    expect((await call('DELETE', `/api/users/${user.id}`)).status).toBe(204);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const response = await call(method, `/api/users/${user.id}`, { body: method === 'PATCH' ? { name: 'x' } : undefined });
      expectError(response, 404, 'entity.not_exists_with_id');
    }
  });

  it('refuses to take another user\'s identifier on update', async () => {
    await createUser({ username: 'erin', primaryEmail: 'erin@example.com' });
    const { body: frank } = await createUser({ username: 'frank' });
    expectError(await call('PATCH', `/api/users/${frank.id}`, { body: { username: 'ERIN' } }), 422, 'user.username_already_in_use');
    expectError(await call('PATCH', `/api/users/${frank.id}`, { body: { primaryEmail: 'Erin@example.com' } }), 422, 'user.email_already_in_use');
    expectError(await call('PATCH', `/api/users/${frank.id}`, { body: { username: 'has space' } }), 400, 'guard.invalid_input');
  });
});

describe('passwords', () => {
  it('sets, reports and verifies a password', async () => {
    const { body: user } = await createUser({ username: 'grace' });
    expect((await call('GET', `/api/users/${user.id}/has-password`)).body).toEqual({ hasPassword: false });
    expectError(await call('POST', `/api/users/${user.id}/password/verify`, { body: { password: 'anything' } }), 422, 'session.invalid_credentials');
    const set = await call('PATCH', `/api/users/${user.id}/password`, { body: { password: 'new password 1' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: user.id, hasPassword: true });
    expect((await call('GET', `/api/users/${user.id}/has-password`)).body).toEqual({ hasPassword: true });
    expect((await call('POST', `/api/users/${user.id}/password/verify`, { body: { password: 'new password 1' } })).status).toBe(204);
    expectError(await call('POST', `/api/users/${user.id}/password/verify`, { body: { password: 'wrong' } }), 422, 'session.invalid_credentials');
  });

  it('validates bodies and answers 404 for unknown users', async () => {
    const { body: user } = await createUser({ username: 'heidi' });
    expectError(await call('PATCH', `/api/users/${user.id}/password`, { body: { password: '' } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', `/api/users/${user.id}/password`, { body: { password: 'x'.repeat(257) } }), 400, 'guard.invalid_input');
    expectError(await call('POST', `/api/users/${user.id}/password/verify`, { body: {} }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', '/api/users/missing/password', { body: { password: 'abc' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/users/missing/password/verify', { body: { password: 'abc' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('GET', '/api/users/missing/has-password'), 404, 'entity.not_exists_with_id');
  });
});

describe('imported password digests (passwordDigest + passwordAlgorithm)', () => {
  const sha1 = (value: string) => createHash('sha1').update(value).digest('hex');

  it('creates a user who has the old password, which verifies; a PATCH replaces it with argon2id', async () => {
    const created = await createUser({ username: 'imported_ivan', passwordAlgorithm: 'SHA1', passwordDigest: sha1('old password') });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ hasPassword: true });
    expect(created.body).not.toHaveProperty('passwordDigest');
    expect((await call('POST', `/api/users/${created.body.id}/password/verify`, { body: { password: 'old password' } })).status).toBe(204);
    await call('PATCH', `/api/users/${created.body.id}/password`, { body: { password: 'a new password' } });
    expectError(await call('POST', `/api/users/${created.body.id}/password/verify`, { body: { password: 'old password' } }), 422, 'session.invalid_credentials');
  });

  it('refuses a digest without its algorithm, beside a password, or not of its algorithm, and creates nobody', async () => {
    for (const body of [
      { username: 'imported_judy', passwordDigest: sha1('x') },
      { username: 'imported_judy', passwordAlgorithm: 'SHA1' },
      { username: 'imported_judy', password: 'plain', passwordAlgorithm: 'SHA1', passwordDigest: sha1('x') },
      { username: 'imported_judy', passwordAlgorithm: 'SHA256', passwordDigest: sha1('x') },
      { username: 'imported_judy', passwordAlgorithm: 'Scrypt', passwordDigest: 'abc' },
    ]) {
      expectError(await createUser(body), 400, 'guard.invalid_input');
    }
    expect((await call('GET', '/api/users?search=imported_judy')).body).toEqual([]);
  });
});

describe('custom data and profile', () => {
  it('merges top-level keys and returns what is stored', async () => {
    const { body: user } = await createUser({ username: 'ivan', customData: { a: 1, nested: { x: 1 } }, profile: { givenName: 'Ivan' } });
    const customData = await call('PATCH', `/api/users/${user.id}/custom-data`, { body: { customData: { b: 2, nested: { y: 2 } } } });
    expect(customData).toMatchObject({ status: 200, body: { a: 1, b: 2, nested: { y: 2 } } });
    expect((await call('GET', `/api/users/${user.id}/custom-data`)).body).toEqual({ a: 1, b: 2, nested: { y: 2 } });
    const profile = await call('PATCH', `/api/users/${user.id}/profile`, { body: { profile: { familyName: 'Petrov' } } });
    expect(profile).toMatchObject({ status: 200, body: { givenName: 'Ivan', familyName: 'Petrov' } });
    expect((await call('GET', `/api/users/${user.id}`)).body.profile).toEqual({ givenName: 'Ivan', familyName: 'Petrov' });
  });

  it('validates bodies and answers 404 for unknown users', async () => {
    const { body: user } = await createUser({ username: 'judy' });
    expectError(await call('PATCH', `/api/users/${user.id}/custom-data`, { body: { customData: [1, 2] } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', `/api/users/${user.id}/profile`, { body: { profile: { givenName: 42 } } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', '/api/users/missing/custom-data', { body: { customData: {} } }), 404, 'entity.not_exists_with_id');
    expectError(await call('GET', '/api/users/missing/custom-data'), 404, 'entity.not_exists_with_id');
    expectError(await call('PATCH', '/api/users/missing/profile', { body: { profile: {} } }), 404, 'entity.not_exists_with_id');
  });
});

describe('/api/users/:id/roles', () => {
  it('assigns (201, skipping repeats), lists and removes roles; refuses M2M roles', async () => {
    const { body: user } = await createUser({ username: 'ken' });
    const role = (await call('POST', '/api/roles', { body: { name: 'Editors' } })).body;
    const m2m = (await call('POST', '/api/roles', { body: { name: 'Robots', type: 'MachineToMachine' } })).body;
    expect((await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: [role.id] } })).status).toBe(201);
    expect((await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: [role.id] } })).status).toBe(201);
    const listed = await call('GET', `/api/users/${user.id}/roles`);
    expect(listed.body.map((entry: { id: string }) => entry.id)).toEqual([role.id]);
    expect(listed.headers.get('Total-Number')).toBe('1');
    expectError(await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: [m2m.id] } }), 422, 'user.invalid_role_type');
    expectError(await call('POST', `/api/users/${user.id}/roles`, { body: { roleIds: ['missing'] } }), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/users/missing/roles', { body: { roleIds: [role.id] } }), 404, 'entity.not_exists_with_id');
    expectError(await call('GET', '/api/users/missing/roles'), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', `/api/users/${user.id}/roles`, { body: {} }), 400, 'guard.invalid_input');
    expect((await call('DELETE', `/api/users/${user.id}/roles/${role.id}`)).status).toBe(204);
    expectError(await call('DELETE', `/api/users/${user.id}/roles/${role.id}`), 404, 'entity.not_found');
  });
});
