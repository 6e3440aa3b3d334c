import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationSecrets } from '@/db/schema';
import { call, expectError, requestClientToken, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

async function machineApp() {
  const response = await call('POST', '/api/applications', { body: { name: 'Worker', type: 'MachineToMachine' } });
  return { id: response.body.id as string, secret: response.body.secret as string };
}

describe('application secrets', () => {
  it('stores only a digest: the value shown at creation is nowhere in the database or any later answer', async () => {
    const app = await machineApp();
    const rows = await (await getDb()).select().from(applicationSecrets);
    expect(JSON.stringify(rows)).not.toContain(app.secret);
    const listed = await call('GET', `/api/applications/${app.id}/secrets`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([{ applicationId: app.id, name: 'Default secret', createdAt: expect.any(Number), expiresAt: null }]);
    expect(JSON.stringify(listed.body)).not.toContain(app.secret);
  });

  it('authenticates at /oidc/token with the creation secret, and stops once that secret is deleted', async () => {
    const app = await machineApp();
    expect((await requestClientToken(app.id, app.secret)).status).toBe(200);
    expect((await requestClientToken(app.id, `${app.secret}x`)).status).toBe(401);
    const deleted = await call('DELETE', `/api/applications/${app.id}/secrets/${encodeURIComponent('Default secret')}`);
    expect(deleted.status).toBe(204);
    const refused = await requestClientToken(app.id, app.secret);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_client');
  });

  it('rotates: a new secret is returned once with 201, and both work until the old one is deleted', async () => {
    const app = await machineApp();
    const expiresAt = Date.now() + 3_600_000;
    const created = await call('POST', `/api/applications/${app.id}/secrets`, { body: { name: 'rotated', expiresAt } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ applicationId: app.id, name: 'rotated', value: expect.any(String), createdAt: expect.any(Number), expiresAt });
    expect(Buffer.from(created.body.value, 'base64url')).toHaveLength(32);
    expect((await requestClientToken(app.id, created.body.value)).status).toBe(200);
    expect((await requestClientToken(app.id, app.secret)).status).toBe(200);
    await call('DELETE', `/api/applications/${app.id}/secrets/Default%20secret`);
    expect((await requestClientToken(app.id, app.secret)).status).toBe(401);
    expect((await requestClientToken(app.id, created.body.value)).status).toBe(200);
    const listed = await call('GET', `/api/applications/${app.id}/secrets`);
    expect(listed.body.map((secret: { name: string }) => secret.name)).toEqual(['rotated']);
    expect(listed.body[0]).not.toHaveProperty('value');
  });

  it('refuses a duplicate name (422), a past expiry or a missing name (400), and public apps (422)', async () => {
    const app = await machineApp();
    expectError(await call('POST', `/api/applications/${app.id}/secrets`, { body: { name: 'Default secret' } }), 422, 'application.secret_name_exists');
    expectError(await call('POST', `/api/applications/${app.id}/secrets`, { body: { name: 'old', expiresAt: Date.now() - 1000 } }), 400, 'guard.invalid_input');
    expectError(await call('POST', `/api/applications/${app.id}/secrets`, { body: {} }), 400, 'guard.invalid_input');
    const spa = await call('POST', '/api/applications', { body: { name: 'SPA', type: 'SPA' } });
    expectError(await call('POST', `/api/applications/${spa.body.id}/secrets`, { body: { name: 'nope' } }), 422, 'application.invalid_type');
  });

  it('answers 404 for an unknown application or secret name', async () => {
    const app = await machineApp();
    expectError(await call('GET', '/api/applications/missing/secrets'), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/applications/missing/secrets', { body: { name: 'x' } }), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', '/api/applications/missing/secrets/x'), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', `/api/applications/${app.id}/secrets/unknown`), 404, 'entity.not_found');
  });
});
