import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import { sendVerificationMessage } from '@/lib/messages/send';
import { startSmsWebhookReceiver, startTwilioFake, type SmsWebhookReceiver, type TwilioFake } from '../../support/messages/sms-receivers';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

const SMTP_AUTH = { user: 'mailer', pass: 'smtp-password-for-tests' };
const TWILIO = { accountSID: `AC${'3f'.repeat(16)}`, authToken: 'twilio-auth-token-for-tests', from: '+15005550006' };
const SIGNING_SECRET = 'webhook-signing-secret-for-tests';

let smtp: SmtpCatcher;
let webhook: SmsWebhookReceiver;
let twilio: TwilioFake;

beforeAll(async () => {
  await startManagementApi();
  smtp = await startSmtpCatcher({ auth: SMTP_AUTH });
  webhook = await startSmsWebhookReceiver({ signingSecret: SIGNING_SECRET, authorization: 'Bearer webhook-token' });
  twilio = await startTwilioFake(TWILIO);
});
afterAll(async () => {
  await Promise.all([smtp.close(), webhook.close(), twilio.close()]);
  await stopManagementApi();
});

async function configure(connectorId: string, config: Record<string, unknown>): Promise<string> {
  const response = await call('POST', '/api/connectors', { body: { connectorId, config } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.id;
}

const send = async (message: Omit<Parameters<typeof sendVerificationMessage>[1], 'purpose'> & { purpose?: 'SignIn' | 'Register' | 'ForgotPassword' | 'Generic' }) =>
  sendVerificationMessage(await getDb(), { purpose: 'SignIn', ...message });

describe('verification email over SMTP (a configured connector)', () => {
  it('falls back to the development mailbox while nothing is configured', async () => {
    await send({ channel: 'email', to: 'before@example.com', locale: 'en', code: '111111' });
    const [kept] = await listDevMessages(await getDb(), { recipient: 'before@example.com' });
    expect(kept?.payload.code).toBe('111111');
    expect(smtp.messages).toHaveLength(0);
  });

  it('delivers an English email with the code in the text and the HTML, from the configured sender', async () => {
    await configure('smtp', smtp.connectorConfig('Acme Sign-in <no-reply@acme.test>'));
    await send({ channel: 'email', to: 'Ada@Example.com', locale: 'en', code: '493021', expiresInMinutes: 10 });
    const email = await smtp.waitForEmail('ada@example.com');
    expect(email.from).toMatch(/^"?Acme Sign-in"? <no-reply@acme\.test>$/);
    expect(email.subject).toBe('Your Sesame sign-in code');
    expect(email.text).toContain('493021');
    expect(email.text).toContain('expires in 10 minutes');
    expect(email.html).toContain('493021');
    expect(email.html).toContain('<html lang="en">');
    // A configured connector replaces the mailbox: nothing more is kept there.
    expect(await listDevMessages(await getDb(), { recipient: 'Ada@Example.com' })).toHaveLength(0);
  });

  it('delivers a Korean email for a Korean-speaking person', async () => {
    const since = new Date();
    await send({ channel: 'email', to: 'minji@example.com', purpose: 'ForgotPassword', locale: 'ko', code: '775511', expiresInMinutes: 5 });
    const email = await smtp.waitForEmail('minji@example.com', { since });
    expect(email.subject).toBe('Sesame 비밀번호 재설정');
    expect(email.text).toContain('775511');
    expect(email.text).toContain('5분 후에 만료');
    expect(email.html).toContain('775511');
    expect(email.html).toContain('<html lang="ko">');
    expect(await smtp.waitForCode('minji@example.com')).toBe('775511');
  });

  it('answers 502 connector.send_failed when the SMTP server refuses the login', async () => {
    const [connector] = (await call('GET', '/api/connectors')).body;
    const wrong = await call('PATCH', `/api/connectors/${connector.id}`, {
      body: { config: { ...smtp.connectorConfig(), auth: { user: SMTP_AUTH.user, pass: 'wrong-password' } } },
    });
    expect(wrong.status).toBe(200);
    const failure = await send({ channel: 'email', to: 'ada@example.com', locale: 'en', code: '222222' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'connector.send_failed', status: 502 });
    expect(String((failure as Error).message)).not.toContain('222222');
  });

  it('sends a test message through POST /api/connectors/smtp/test with the saved secret behind the mask', async () => {
    await call('PATCH', `/api/connectors/${(await call('GET', '/api/connectors')).body[0].id}`, { body: { config: smtp.connectorConfig() } });
    const [saved] = (await call('GET', '/api/connectors')).body;
    expect(saved.config.auth.pass).toBe('********');
    const since = new Date();
    const response = await call('POST', '/api/connectors/smtp/test', { body: { email: 'admin@example.com', config: saved.config } });
    expect(response.status, JSON.stringify(response.body)).toBe(204);
    const email = await smtp.waitForEmail('admin@example.com', { since });
    expect(email.subject).toBe('Your Sesame verification code');
    expect(email.text).toContain('000000');
  });

  it('refuses a test without the right recipient kind, or with a bad config', async () => {
    expectError(await call('POST', '/api/connectors/smtp/test', { body: { phone: '+15551234567', config: smtp.connectorConfig() } }), 400, 'guard.invalid_input');
    expectError(await call('POST', '/api/connectors/smtp/test', { body: { email: 'a@example.com', config: { host: '' } } }), 400, 'connector.invalid_config');
    expectError(await call('POST', '/api/connectors/nope/test', { body: { email: 'a@example.com', config: {} } }), 422, 'connector.not_found_with_connector_id');
  });
});

describe('verification SMS', () => {
  it('POSTs a signed JSON message to the webhook, with the Authorization header', async () => {
    const id = await configure('http-sms', { endpoint: webhook.url, authorization: 'Bearer webhook-token', signingSecret: SIGNING_SECRET });
    await send({ channel: 'phone', to: '+821012345678', purpose: 'Register', locale: 'ko', code: '640218', expiresInMinutes: 10 });
    const sms = await webhook.waitForSms('+821012345678');
    expect(sms.text).toBe('[Sesame] 계정 만들기 코드는 640218입니다. 10분간 유효합니다.');
    expect(sms.purpose).toBe('Register');
    expect(sms.payload).toEqual({ code: '640218', locale: 'ko', expiresInMinutes: '10' });
    expect(webhook.refused).toBe(0);

    // A wrong signing secret: the receiver refuses, and the person gets a 502, not a silent success.
    await call('PATCH', `/api/connectors/${id}`, { body: { config: { endpoint: webhook.url, authorization: 'Bearer webhook-token', signingSecret: 'another-secret-of-16-chars' } } });
    await expect(send({ channel: 'phone', to: '+821012345678', locale: 'en', code: '101010' })).rejects.toMatchObject({ code: 'connector.send_failed', status: 502 });
    expect(webhook.refused).toBe(1);

    // A provider outage.
    await call('PATCH', `/api/connectors/${id}`, { body: { config: { endpoint: webhook.url, authorization: '********', signingSecret: SIGNING_SECRET } } });
    webhook.failNext(503);
    await expect(send({ channel: 'phone', to: '+821012345678', locale: 'en', code: '202020' })).rejects.toMatchObject({ code: 'connector.send_failed', status: 502 });
    await send({ channel: 'phone', to: '+821012345678', locale: 'en', code: '303030' });
    expect(await webhook.waitForCode('+821012345678')).toBe('303030');
    expect((await call('DELETE', `/api/connectors/${id}`)).status).toBe(204);
  });

  it("sends through Twilio's Messages API: form body and HTTP Basic auth", async () => {
    const id = await configure('twilio-sms', twilio.connectorConfig());
    await send({ channel: 'phone', to: '+15551234567', locale: 'en', code: '918273', expiresInMinutes: 10 });
    const sms = await twilio.waitForSms('+15551234567');
    expect(sms.text).toBe('Sesame: 918273 is your sign-in code. Valid for 10 min.');
    expect(sms.from).toBe(TWILIO.from);

    await call('PATCH', `/api/connectors/${id}`, { body: { config: { ...twilio.connectorConfig(), authToken: 'a-wrong-auth-token-123' } } });
    await expect(send({ channel: 'phone', to: '+15551234567', locale: 'en', code: '000111' })).rejects.toMatchObject({ code: 'connector.send_failed', status: 502 });
    expect(twilio.refused).toBe(1);
  });
});

describe('templates in a connector’s config (Logto’s `templates`)', () => {
  it('an SMS connector’s template for the purpose replaces the built-in text; other purposes keep it', async () => {
    // One SMS connector at a time: the Twilio one configured above makes way.
    for (const connector of (await call('GET', '/api/connectors')).body) if (connector.type === 'Sms') await call('DELETE', `/api/connectors/${connector.id}`);
    const id = await configure('http-sms', {
      endpoint: webhook.url,
      authorization: 'Bearer webhook-token',
      signingSecret: SIGNING_SECRET,
      templates: [{ usageType: 'SignIn', content: 'Acme: use {{code}} within {{expiresInMinutes}} minutes' }],
    });
    await send({ channel: 'phone', to: '+821099998888', locale: 'en', code: '135790', expiresInMinutes: 5 });
    expect((await webhook.waitForSms('+821099998888')).text).toBe('Acme: use 135790 within 5 minutes');
    await send({ channel: 'phone', to: '+821099997777', purpose: 'Register', locale: 'en', code: '246801', expiresInMinutes: 5 });
    expect((await webhook.waitForSms('+821099997777')).text).toContain('246801 is your code to create an account');
    expect((await call('DELETE', `/api/connectors/${id}`)).status).toBe(204);
  });

  it('an email connector’s template serves every language; a template without {{code}} is refused', async () => {
    const [email] = (await call('GET', '/api/connectors')).body;
    const template = { usageType: 'ForgotPassword', subject: 'Acme password reset', content: '<p>Reset code: {{code}}</p>', contentType: 'text/html' };
    expectError(
      await call('PATCH', `/api/connectors/${email.id}`, { body: { config: { ...smtp.connectorConfig(), templates: [{ ...template, content: 'no code' }] } } }),
      400,
      'connector.invalid_config',
    );
    expect((await call('PATCH', `/api/connectors/${email.id}`, { body: { config: { ...smtp.connectorConfig(), templates: [template] } } })).status).toBe(200);
    const since = new Date();
    await send({ channel: 'email', to: 'reset@example.com', purpose: 'ForgotPassword', locale: 'ko', code: '864209' });
    const sent = await smtp.waitForEmail('reset@example.com', { since });
    expect(sent.subject).toBe('Acme password reset');
    expect(sent.html).toContain('<p>Reset code: 864209</p>');
    await call('PATCH', `/api/connectors/${email.id}`, { body: { config: smtp.connectorConfig() } });
  });
});

describe('SMTP with requireTLS', () => {
  it('refuses to send (and to log in) when the server offers no STARTTLS', async () => {
    const [email] = (await call('GET', '/api/connectors')).body;
    await call('PATCH', `/api/connectors/${email.id}`, { body: { config: { ...email.config, requireTLS: true } } });
    const before = smtp.messages.length;
    await expect(send({ channel: 'email', to: 'tls@example.com', locale: 'en', code: '444444' })).rejects.toMatchObject({ code: 'connector.send_failed', status: 502 });
    expect(smtp.messages).toHaveLength(before);
  });
});
