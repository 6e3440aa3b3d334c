import '@/tests/support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmsWebhookReceiver, startTwilioFake, type SmsWebhookReceiver, type TwilioFake } from '@/tests/support/messages/sms-receivers';
import { startSmtpCatcher, type SmtpCatcher } from '@/tests/support/messages/smtp-catcher';
import { smtpEmailConnector } from './email/smtp';
import { httpSmsConnector } from './sms/http-webhook';
import { twilioSmsConnector } from './sms/twilio';

// No ALLOW_PRIVATE_OUTBOUND here: the receivers listen on 127.0.0.1 and must never be reached.
delete process.env.ALLOW_PRIVATE_OUTBOUND;
process.env.LOG_LEVEL = 'error';

let smtp: SmtpCatcher;
let webhook: SmsWebhookReceiver;
let twilio: TwilioFake;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  webhook = await startSmsWebhookReceiver();
  twilio = await startTwilioFake({ accountSID: `AC${'0'.repeat(32)}`, authToken: 't'.repeat(32), from: '+15005550006' });
});
afterAll(async () => {
  await Promise.all([smtp.close(), webhook.close(), twilio.close()]);
});

const email = { to: 'ada@example.com', subject: 'Code', text: 'Your code is 123456', html: '<p>123456</p>', purpose: 'SignIn' as const, payload: { code: '123456' } };
const sms = { to: '+15551234567', text: 'Your code is 123456', purpose: 'SignIn' as const, payload: { code: '123456' } };
const refused = expect.objectContaining({ name: 'ConnectorError', code: 'connector.send_failed', message: expect.stringContaining('private or loopback') });

describe('connectors and private addresses (SSRF)', () => {
  it('refuses an SMTP host on loopback or a private network, by address or by name', async () => {
    for (const host of ['127.0.0.1', 'localhost', '10.0.0.8', '192.168.1.1', '::1']) {
      await expect(smtpEmailConnector({ host, port: smtp.port, fromEmail: 'a@b.c' }).send(email)).rejects.toEqual(refused);
    }
    expect(smtp.messages).toHaveLength(0);
  });

  it('refuses a webhook or Twilio base on a private address', async () => {
    await expect(httpSmsConnector({ endpoint: webhook.url }).send(sms)).rejects.toEqual(refused);
    await expect(httpSmsConnector({ endpoint: 'http://169.254.169.254/latest/meta-data' }).send(sms)).rejects.toEqual(refused);
    await expect(twilioSmsConnector(twilio.connectorConfig() as never).send(sms)).rejects.toEqual(refused);
    expect(webhook.messages).toHaveLength(0);
    expect(twilio.messages).toHaveLength(0);
  });

  it('never puts the message or the code in the error', async () => {
    const error = (await httpSmsConnector({ endpoint: webhook.url })
      .send(sms)
      .then(
        () => new Error('expected a refusal'),
        (caught: unknown) => caught as Error,
      )) as Error;
    expect(error.message).not.toContain('123456');
    expect(error.message).not.toContain(sms.to);
  });
});
