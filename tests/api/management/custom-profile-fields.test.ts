import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_URL, call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);
beforeEach(async () => {
  for (const field of (await call('GET', '/api/custom-profile-fields')).body) await call('DELETE', `/api/custom-profile-fields/${field.name}`);
});

const name = { name: 'name', type: 'Text', label: 'Full name', required: true, config: { maxLength: 80 } };
const plan = { name: 'plan', type: 'Select', label: 'Plan', description: 'You can change it later.', required: false, config: { options: [{ label: 'Free', value: 'free' }, { value: 'pro' }] } };

describe('/api/custom-profile-fields', () => {
  it('creates fields in order, reads, lists, replaces and deletes them', async () => {
    const created = await call('POST', '/api/custom-profile-fields', { body: name });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), ...name, description: null, sieOrder: 1, createdAt: expect.any(Number) });
    expect((await call('POST', '/api/custom-profile-fields', { body: plan })).body.sieOrder).toBe(2);
    expect((await call('GET', '/api/custom-profile-fields')).body.map((field: { name: string }) => field.name)).toEqual(['name', 'plan']);
    expect((await call('GET', '/api/custom-profile-fields/plan')).body).toMatchObject(plan);

    const replaced = await call('PUT', '/api/custom-profile-fields/name', { body: { type: 'Text', label: 'Your name', required: false } });
    expect(replaced.body).toMatchObject({ name: 'name', label: 'Your name', required: false, config: {}, sieOrder: 1 });
    expect((await call('DELETE', '/api/custom-profile-fields/name')).status).toBe(204);
    expectError(await call('GET', '/api/custom-profile-fields/name'), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', '/api/custom-profile-fields/name'), 404, 'entity.not_exists_with_id');
  });

  it('reorders fields in one go, and moves none when a name is unknown', async () => {
    await call('POST', '/api/custom-profile-fields', { body: name });
    await call('POST', '/api/custom-profile-fields', { body: plan });
    const reordered = await call('POST', '/api/custom-profile-fields/properties/sie-order', { body: { order: [{ name: 'plan', sieOrder: 1 }, { name: 'name', sieOrder: 2 }] } });
    expect(reordered.body.map((field: { name: string }) => field.name)).toEqual(['plan', 'name']);
    expectError(await call('POST', '/api/custom-profile-fields/properties/sie-order', { body: { order: [{ name: 'name', sieOrder: 9 }, { name: 'nope', sieOrder: 1 }] } }), 404, 'entity.not_exists_with_id');
    expect((await call('GET', '/api/custom-profile-fields')).body.map((field: { name: string; sieOrder: number }) => `${field.name}:${field.sieOrder}`)).toEqual(['plan:1', 'name:2']);
  });

  it('refuses a second field of one name, a renaming PUT, and fields Sesame cannot collect', async () => {
    await call('POST', '/api/custom-profile-fields', { body: name });
    expectError(await call('POST', '/api/custom-profile-fields', { body: name }), 422, 'custom_profile_fields.name_exists');
    expectError(await call('PUT', '/api/custom-profile-fields/name', { body: { ...name, name: 'other' } }), 400, 'guard.invalid_input');
    expectError(await call('POST', '/api/custom-profile-fields', { body: { ...name, name: 'address', type: 'Address' } }), 400, 'guard.invalid_input');
    expectError(await call('POST', '/api/custom-profile-fields', { body: { ...name, name: 'password' } }), 400, 'guard.invalid_input');
    expectError(await call('PUT', '/api/custom-profile-fields/nope', { body: name }), 400, 'guard.invalid_input');
    expectError(await call('PUT', '/api/custom-profile-fields/nope', { body: { ...name, name: 'nope' } }), 404, 'entity.not_exists_with_id');
  });

  it('publishes the fields to custom sign-in UIs', async () => {
    await call('POST', '/api/custom-profile-fields', { body: plan });
    const { GET } = await import('@/app/api/.well-known/sign-in-exp/route');
    const document = await (await GET(new Request(`${APP_URL}/api/.well-known/sign-in-exp`), undefined)).json();
    expect(document.customProfileFields).toEqual([{ ...plan, sieOrder: 1 }]);
  });
});
