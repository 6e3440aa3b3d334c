import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { hooks } from '@/db/schema';
import { startWebhookReceiver } from '../../support/webhook-receiver';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  await startManagementApi();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.stop();
  await stopManagementApi();
});

const create = (body: Record<string, unknown>) => call('POST', '/api/hooks', { body: { name: 'Sync', events: ['PostRegister'], config: { url: receiver.url }, ...body } });

describe('/api/hooks', () => {
  it('creates a hook with a fresh signing key, reads, lists, updates and deletes it', async () => {
    const created = await create({ config: { url: receiver.url, headers: { 'x-api-key': 'k-123' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Sync', events: ['PostRegister'], config: { url: receiver.url, headers: { 'x-api-key': 'k-123' } }, enabled: true });
    expect(created.body.signingKey).toMatch(/^[\w-]{43}$/);
    expect((await call('GET', `/api/hooks/${created.body.id}`)).body).toEqual(created.body);
    expect((await call('GET', '/api/hooks')).body.map((hook: { id: string }) => hook.id)).toContain(created.body.id);

    const updated = await call('PATCH', `/api/hooks/${created.body.id}`, { body: { events: ['PostSignIn', 'PostResetPassword'], enabled: false, config: { url: `${receiver.url}/v2` } } });
    expect(updated.body).toMatchObject({ events: ['PostSignIn', 'PostResetPassword'], enabled: false, config: { url: `${receiver.url}/v2` }, signingKey: created.body.signingKey });
    expect(updated.body.config).not.toHaveProperty('headers');

    expect((await call('DELETE', `/api/hooks/${created.body.id}`)).status).toBe(204);
    expectError(await call('GET', `/api/hooks/${created.body.id}`), 404, 'entity.not_exists_with_id');
  });

  it('keeps the signing key and the headers sealed at rest, and rotates the key on request', async () => {
    const { body: hook } = await create({ config: { url: receiver.url, headers: { authorization: 'Bearer receiver-secret' } } });
    const [row] = (await (await getDb()).select().from(hooks)).filter((stored) => stored.id === hook.id);
    expect(JSON.stringify(row)).not.toContain(hook.signingKey);
    expect(JSON.stringify(row)).not.toContain('receiver-secret');
    const rotated = await call('PATCH', `/api/hooks/${hook.id}/signing-key`);
    expect(rotated.body.signingKey).not.toBe(hook.signingKey);
    expect(rotated.body.signingKey).toMatch(/^[\w-]{43}$/);
  });

  it('refuses events Sesame does not send yet, headers it sets itself, and URLs it cannot call', async () => {
    for (const body of [
      { events: ['User.Created'] },
      { events: [] },
      { events: ['PostSignIn', 'PostSignIn'] },
      { config: { url: 'ftp://example.com/hook' } },
      { config: { url: receiver.url, headers: { 'logto-signature-sha-256': 'forged' } } },
      { config: { url: receiver.url, headers: { 'x-ok': 'line\r\nx-injected: 1' } } },
      { name: '' },
      { unknown: true },
    ]) {
      expectError(await create(body), 400, 'guard.invalid_input');
    }
  });

  it('sends signed sample payloads to a config under test, and says when the receiver refuses them', async () => {
    const { body: hook } = await create({});
    receiver.expectSigningKey(hook.signingKey);
    const since = receiver.deliveries.length;
    const tested = await call('POST', `/api/hooks/${hook.id}/test`, { body: { events: ['PostSignIn', 'PostRegister'], config: { url: receiver.url } } });
    expect(tested.status).toBe(204);
    const samples = receiver.deliveries.slice(since);
    expect(samples.map((delivery) => [delivery.status, delivery.body.event, delivery.body.interactionEvent, delivery.body.hookId])).toEqual([
      [200, 'PostSignIn', 'SignIn', hook.id],
      [200, 'PostRegister', 'Register', hook.id],
    ]);

    receiver.failNext(500);
    const refused = await call('POST', `/api/hooks/${hook.id}/test`, { body: { events: ['PostSignIn'], config: { url: receiver.url } } });
    expectError(refused, 422, 'hook.send_test_payload_failed');
    expect(refused.body.data).toEqual({ responseStatus: 500 });

    const logs = (await call('GET', `/api/hooks/${hook.id}/recent-logs`)).body;
    expect(logs.map((log: { event: string; result: string }) => [log.event, log.result])).toEqual([
      ['PostSignIn', 'Error'],
      ['PostRegister', 'Success'],
      ['PostSignIn', 'Success'],
    ]);
  });
});
