import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findConnectorRowById } from '@/db/queries/connectors';
import { call, clientToken, createMachineApp, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const SMTP = { host: 'smtp.example.com', port: 587, auth: { user: 'mailer', pass: 'smtp-secret-password' }, fromEmail: 'no-reply@example.com' };
const HTTP_SMS = { endpoint: 'https://sms.example.com/send', authorization: 'Bearer sms-api-token', signingSecret: 'sms-signing-secret-0123' };
const CONNECTOR_FIELDS = ['config', 'connectorId', 'createdAt', 'description', 'id', 'name', 'type', 'updatedAt'];

describe('/api/connectors', () => {
  let emailId: string;

  it('starts empty', async () => {
    const response = await call('GET', '/api/connectors');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it('creates an SMTP connector and answers with its config, password masked', async () => {
    const response = await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: SMTP } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(CONNECTOR_FIELDS);
    expect(response.body).toMatchObject({ connectorId: 'smtp', type: 'Email', name: 'SMTP', config: { ...SMTP, auth: { user: 'mailer', pass: '********' } } });
    expect(JSON.stringify(response.body)).not.toContain(SMTP.auth.pass);
    emailId = response.body.id;
  });

  it('keeps the config sealed at rest', async () => {
    const row = await findConnectorRowById(await getDb(), emailId);
    expect(row?.sealedConfig).toMatch(/^v1\./);
    expect(row?.sealedConfig).not.toContain(SMTP.auth.pass);
    expect(row?.sealedConfig).not.toContain(SMTP.host);
  });

  it('refuses a second Email connector with 422 connector.multiple_instances_not_supported', async () => {
    const again = await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: { ...SMTP, host: 'other.example.com' } } });
    expectError(again, 422, 'connector.multiple_instances_not_supported');
    expect((await call('GET', '/api/connectors')).body).toHaveLength(1);
  });

  it('allows one SMS connector beside it, and a second SMS one of another kind is refused too', async () => {
    const sms = await call('POST', '/api/connectors', { body: { connectorId: 'http-sms', config: HTTP_SMS } });
    expect(sms.status).toBe(200);
    expect(sms.body.config).toEqual({ endpoint: HTTP_SMS.endpoint, authorization: '********', signingSecret: '********' });
    const twilio = await call('POST', '/api/connectors', {
      body: { connectorId: 'twilio-sms', config: { accountSID: `AC${'1'.repeat(32)}`, authToken: 'x'.repeat(32), fromMessagingServiceSID: '+15005550006' } },
    });
    expectError(twilio, 422, 'connector.multiple_instances_not_supported');
    const list = await call('GET', '/api/connectors');
    expect(list.body.map((connector: { type: string }) => connector.type).sort()).toEqual(['Email', 'Sms']);
    expect(JSON.stringify(list.body)).not.toMatch(/sms-api-token|sms-signing-secret|smtp-secret-password/);
    expect((await call('DELETE', `/api/connectors/${sms.body.id}`)).status).toBe(204);
  });

  it('validates the config against the chosen connector (400 connector.invalid_config) and knows its connectors (422)', async () => {
    await call('DELETE', `/api/connectors/${emailId}`);
    expectError(await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: { host: 'smtp.example.com' } } }), 400, 'connector.invalid_config');
    expectError(
      await call('POST', '/api/connectors', { body: { connectorId: 'http-sms', config: { endpoint: 'file:///etc/passwd' } } }),
      400,
      'connector.invalid_config',
    );
    expectError(await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: { ...SMTP, auth: { user: 'u', pass: '********' } } } }), 400, 'connector.invalid_config');
    expectError(await call('POST', '/api/connectors', { body: { connectorId: 'sendgrid', config: {} } }), 422, 'connector.not_found_with_connector_id');
    expectError(await call('POST', '/api/connectors', { body: { config: {} } }), 400, 'guard.invalid_input');
    expectError(await call('POST', '/api/connectors', { rawBody: '{' }), 400, 'guard.invalid_input');
    emailId = (await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: SMTP } })).body.id;
  });

  it('reads one connector, and answers 404 entity.not_exists_with_id for an unknown id', async () => {
    const one = await call('GET', `/api/connectors/${emailId}`);
    expect(one.status).toBe(200);
    expect(one.body.config.auth.pass).toBe('********');
    expectError(await call('GET', '/api/connectors/missing'), 404, 'entity.not_exists_with_id');
    expectError(await call('PATCH', '/api/connectors/missing', { body: { config: SMTP } }), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', '/api/connectors/missing'), 404, 'entity.not_exists_with_id');
  });

  it('PATCH replaces the config; a mask sent back keeps the stored secret', async () => {
    const masked = (await call('GET', `/api/connectors/${emailId}`)).body.config;
    const patched = await call('PATCH', `/api/connectors/${emailId}`, { body: { config: { ...masked, port: 2525 } } });
    expect(patched.status).toBe(200);
    expect(patched.body.config).toMatchObject({ port: 2525, auth: { pass: '********' } });
    const { unsealConnector } = await import('@/lib/connectors/stored');
    const stored = unsealConnector((await findConnectorRowById(await getDb(), emailId))!);
    expect(stored.config).toMatchObject({ port: 2525, auth: { user: 'mailer', pass: SMTP.auth.pass } });
    expectError(await call('PATCH', `/api/connectors/${emailId}`, { body: { config: { ...SMTP, port: 0 } } }), 400, 'connector.invalid_config');
  });

  it('DELETE removes it', async () => {
    expect((await call('DELETE', `/api/connectors/${emailId}`)).status).toBe(204);
    expectError(await call('GET', `/api/connectors/${emailId}`), 404, 'entity.not_exists_with_id');
  });
});

describe('/api/connectors authorization', () => {
  const routes: Array<[string, string, unknown?]> = [
    ['GET', '/api/connectors'],
    ['POST', '/api/connectors', { connectorId: 'smtp', config: SMTP }],
    ['GET', '/api/connectors/some-id'],
    ['PATCH', '/api/connectors/some-id', { config: SMTP }],
    ['DELETE', '/api/connectors/some-id'],
    ['POST', '/api/connectors/smtp/test', { email: 'a@example.com', config: SMTP }],
  ];

  it('answers 401 without a token', async () => {
    for (const [method, path, body] of routes) {
      const response = await call(method, path, { token: null, body });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 401, 'auth.authorization_header_missing']);
    }
  });

  it('answers 403 auth.forbidden for a Management API token without the `all` scope', async () => {
    const app = await createMachineApp();
    const token = await clientToken(app.id, app.secret);
    for (const [method, path, body] of routes) {
      const response = await call(method, path, { token, body });
      expect([method, path, response.status, response.body.code]).toEqual([method, path, 403, 'auth.forbidden']);
    }
    expect((await call('GET', '/api/connectors')).body).toEqual([]);
  });
});
