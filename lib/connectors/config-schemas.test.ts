import { describe, expect, it } from 'vitest';
import { findConnectorFactory } from './catalog';
import { smtpConfigFromUrl, smtpConfigSchema } from './email/smtp';
import { SECRET_MASK, maskSecrets, restoreMaskedSecrets } from './secrets';
import { httpSmsConfigSchema, signBody } from './sms/http-webhook';
import { twilioSmsConfigSchema } from './sms/twilio';

const SID = `AC${'a1'.repeat(16)}`;

describe('smtp config', () => {
  it('accepts a host, port, auth and sender, defaulting the port to 587', () => {
    expect(smtpConfigSchema.parse({ host: 'smtp.example.com', fromEmail: 'Acme <no-reply@example.com>' })).toEqual({
      host: 'smtp.example.com',
      port: 587,
      fromEmail: 'Acme <no-reply@example.com>',
    });
    expect(smtpConfigSchema.safeParse({ host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'u', pass: 'p' }, fromEmail: 'a@b.c' }).success).toBe(true);
    expect(smtpConfigSchema.safeParse({ host: 'smtp.example.com', requireTLS: true, fromEmail: 'a@b.c' }).success).toBe(true);
  });

  it('refuses a missing host or sender, a bad port, half credentials and unknown fields', () => {
    for (const config of [
      { fromEmail: 'a@b.c' },
      { host: 'smtp.example.com' },
      { host: 'smtp.example.com', fromEmail: 'no address' },
      { host: 'smtp.example.com', port: 70_000, fromEmail: 'a@b.c' },
      { host: 'smtp.example.com', auth: { user: 'u' }, fromEmail: 'a@b.c' },
      { host: 'smtp.example.com', fromEmail: 'a@b.c', tls: { rejectUnauthorized: false } },
    ]) {
      expect(smtpConfigSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
  });

  it('reads SMTP_URL: scheme decides TLS and the default port, credentials are URL-decoded', () => {
    expect(smtpConfigFromUrl('smtps://mailer%40example.com:p%40ss%3Aword@mail.example.com', 'x@example.com')).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'mailer@example.com', pass: 'p@ss:word' },
      fromEmail: 'x@example.com',
    });
    expect(smtpConfigFromUrl('smtp://127.0.0.1:2525', 'x@example.com')).toEqual({ host: '127.0.0.1', port: 2525, secure: false, fromEmail: 'x@example.com' });
  });
});

describe('http-sms config', () => {
  it('takes an http(s) endpoint, an optional Authorization value and signing secret', () => {
    expect(httpSmsConfigSchema.safeParse({ endpoint: 'https://sms.example.com/send' }).success).toBe(true);
    expect(httpSmsConfigSchema.safeParse({ endpoint: 'https://sms.example.com/send', authorization: 'Bearer t', signingSecret: 'x'.repeat(16) }).success).toBe(true);
  });

  it('refuses other schemes, a short signing secret and unknown fields', () => {
    for (const config of [
      { endpoint: 'ftp://sms.example.com' },
      { endpoint: 'file:///etc/passwd' },
      { endpoint: 'https://sms.example.com', signingSecret: 'short' },
      { endpoint: 'https://sms.example.com', extra: 1 },
      {},
    ]) {
      expect(httpSmsConfigSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
  });

  it('signs the timestamp and the exact body with HMAC-SHA256 (a vector from openssl dgst -hmac)', () => {
    // printf '1700000000.what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe
    expect(signBody(1700000000, 'what do ya want for nothing?', 'Jefe')).toBe('sha256=1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e');
    expect(signBody(1700000001, 'what do ya want for nothing?', 'Jefe')).not.toBe(signBody(1700000000, 'what do ya want for nothing?', 'Jefe'));
  });
});

describe('twilio-sms config', () => {
  it('takes an account SID, auth token and a sender number or Messaging Service SID', () => {
    expect(twilioSmsConfigSchema.safeParse({ accountSID: SID, authToken: 't'.repeat(32), fromMessagingServiceSID: '+15005550006' }).success).toBe(true);
    expect(twilioSmsConfigSchema.safeParse({ accountSID: SID, authToken: 't'.repeat(32), fromMessagingServiceSID: `MG${'b2'.repeat(16)}` }).success).toBe(true);
  });

  it('refuses a malformed SID, sender or API base', () => {
    const valid = { accountSID: SID, authToken: 't'.repeat(32), fromMessagingServiceSID: '+15005550006' };
    for (const config of [
      { ...valid, accountSID: 'AC123' },
      { ...valid, fromMessagingServiceSID: '5550006' },
      { ...valid, apiBaseUrl: 'gopher://x' },
      { ...valid, authToken: undefined },
    ]) {
      expect(twilioSmsConfigSchema.safeParse(config).success, JSON.stringify(config)).toBe(false);
    }
  });
});

describe('secret masking', () => {
  const smtp = findConnectorFactory('smtp')!;
  const stored = { host: 'h', port: 25, auth: { user: 'u', pass: 'hunter2' }, fromEmail: 'a@b.c' };

  it('masks nested and top-level secrets, leaving the rest', () => {
    expect(maskSecrets(stored, smtp.secretPaths)).toEqual({ ...stored, auth: { user: 'u', pass: SECRET_MASK } });
    expect(maskSecrets({ endpoint: 'https://x', authorization: 'Bearer t' }, findConnectorFactory('http-sms')!.secretPaths)).toEqual({
      endpoint: 'https://x',
      authorization: SECRET_MASK,
    });
    expect(maskSecrets({ host: 'h' }, smtp.secretPaths)).toEqual({ host: 'h' });
  });

  it('puts the stored secret back where the mask is sent back, and refuses a mask with nothing behind it', () => {
    const incoming = { ...stored, fromEmail: 'new@example.com', auth: { user: 'u', pass: SECRET_MASK } };
    expect(restoreMaskedSecrets(incoming, stored, smtp.secretPaths, smtp.destinationPaths)).toEqual({ config: { ...incoming, auth: { user: 'u', pass: 'hunter2' } } });
    expect(restoreMaskedSecrets(incoming, undefined, smtp.secretPaths, smtp.destinationPaths)).toEqual({ missing: 'auth.pass' });
  });

  it('never sends a stored secret to a new destination: a mask with a changed host is refused', () => {
    const incoming = { ...stored, host: 'attacker.example', auth: { user: 'u', pass: SECRET_MASK } };
    expect(restoreMaskedSecrets(incoming, stored, smtp.secretPaths, smtp.destinationPaths)).toEqual({ moved: 'auth.pass' });
    expect(restoreMaskedSecrets({ ...stored, host: 'attacker.example', auth: { user: 'u', pass: 'typed again' } }, stored, smtp.secretPaths, smtp.destinationPaths)).toMatchObject({
      config: { host: 'attacker.example', auth: { pass: 'typed again' } },
    });
  });
});
