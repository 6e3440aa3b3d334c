import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import { sendVerificationMessage } from '@/lib/messages/send';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import { call, startManagementApi, stopManagementApi } from '../../support/management';

let fromEnv: SmtpCatcher;
let configured: SmtpCatcher;

beforeAll(async () => {
  fromEnv = await startSmtpCatcher({ auth: { user: 'env-user', pass: 'env pass/with:specials' } });
  configured = await startSmtpCatcher();
  // Read once by env() when the app starts below.
  process.env.SMTP_URL = fromEnv.url;
  process.env.EMAIL_FROM = 'Sesame Dev <dev@sesame.test>';
  process.env.DEV_MAILBOX = '0';
  await startManagementApi();
});
afterAll(async () => {
  await Promise.all([fromEnv.close(), configured.close()]);
  await stopManagementApi();
});

describe('the connector in force', () => {
  it('is SMTP_URL when no email connector is configured', async () => {
    await sendVerificationMessage(await getDb(), { channel: 'email', to: 'env@example.com', purpose: 'Register', locale: 'en', code: '555123' });
    const email = await fromEnv.waitForEmail('env@example.com');
    expect(email.from).toContain('dev@sesame.test');
    expect(email.text).toContain('555123');
  });

  it('is the configured connector once there is one, and SMTP_URL again after it is deleted', async () => {
    const created = await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: configured.connectorConfig() } });
    expect(created.status).toBe(200);
    await sendVerificationMessage(await getDb(), { channel: 'email', to: 'cfg@example.com', purpose: 'SignIn', locale: 'en', code: '555124' });
    expect((await configured.waitForEmail('cfg@example.com')).text).toContain('555124');
    expect(fromEnv.messages.some((message) => message.to.includes('cfg@example.com'))).toBe(false);

    expect((await call('DELETE', `/api/connectors/${created.body.id}`)).status).toBe(204);
    await sendVerificationMessage(await getDb(), { channel: 'email', to: 'cfg@example.com', purpose: 'SignIn', locale: 'en', code: '555125' });
    expect((await fromEnv.waitForEmail('cfg@example.com')).text).toContain('555125');
  });

  it('is nothing for SMS with DEV_MAILBOX=0: 501 connector.not_found, and nothing kept in the mailbox', async () => {
    await expect(
      sendVerificationMessage(await getDb(), { channel: 'phone', to: '+15551234567', purpose: 'SignIn', locale: 'en', code: '555126' }),
    ).rejects.toMatchObject({ code: 'connector.not_found', status: 501 });
    expect(await listDevMessages(await getDb())).toHaveLength(0);
  });
});
