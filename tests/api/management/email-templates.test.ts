import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { sendVerificationMessage } from '@/lib/messages/send';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

let smtp: SmtpCatcher;

beforeAll(async () => {
  await startManagementApi();
  smtp = await startSmtpCatcher();
  const connector = await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: smtp.connectorConfig('Acme Accounts <no-reply@acme.test>') } });
  expect(connector.status, JSON.stringify(connector.body)).toBe(200);
});
afterAll(async () => {
  await smtp.close();
  await stopManagementApi();
});

const signInEn = { languageTag: 'en', templateType: 'SignIn', details: { subject: '{{application.displayName}} code', content: 'Your code is {{code}}.' } };
const put = (templates: unknown[]) => call('PUT', '/api/email-templates', { body: { templates } });
const application = { id: 'app-1', name: 'shop-prod', displayName: 'Acme Shop' };

async function deliver(to: string, fields: { purpose?: 'SignIn' | 'Register' | 'ForgotPassword' | 'Generic'; locale?: string; withApp?: boolean } = {}) {
  const since = new Date();
  await sendVerificationMessage(await getDb(), {
    channel: 'email',
    to,
    purpose: fields.purpose ?? 'SignIn',
    locale: fields.locale ?? 'en',
    code: '493021',
    expiresInMinutes: 10,
    ...(fields.withApp === false ? {} : { application }),
  });
  return smtp.waitForEmail(to, { since });
}

describe('/api/email-templates', () => {
  it('creates templates (canonical language tags), lists and filters them, and replaces one by language and type', async () => {
    const created = await put([signInEn, { languageTag: 'KO-kr', templateType: 'Register', details: { subject: '가입 코드', content: '코드: {{code}}', contentType: 'text/plain' } }]);
    expect(created.status).toBe(200);
    expect(created.body.map((item: { languageTag: string }) => item.languageTag)).toEqual(['en', 'ko-KR']);
    expect(created.body[0]).toMatchObject({ id: expect.any(String), templateType: 'SignIn', details: signInEn.details, createdAt: expect.any(Number) });

    const replaced = await put([{ ...signInEn, details: { ...signInEn.details, subject: 'Sign in to {{application.displayName}}' } }]);
    expect(replaced.body[0].id).toBe(created.body[0].id);
    expect((await call('GET', `/api/email-templates/${created.body[0].id}`)).body.details.subject).toBe('Sign in to {{application.displayName}}');

    expect((await call('GET', '/api/email-templates')).body).toHaveLength(2);
    expect((await call('GET', '/api/email-templates?languageTag=ko-KR')).body.map((item: { templateType: string }) => item.templateType)).toEqual(['Register']);
    expect((await call('GET', '/api/email-templates?templateType=ForgotPassword')).body).toEqual([]);
  });

  it('patches details, deletes one by id and several by filter (never without one)', async () => {
    const [forgot] = (await put([{ languageTag: 'en', templateType: 'ForgotPassword', details: { subject: 'Reset', content: '{{code}}' } }])).body;
    const patched = await call('PATCH', `/api/email-templates/${forgot.id}/details`, { body: { replyTo: 'help@acme.test' } });
    expect(patched.body.details).toEqual({ subject: 'Reset', content: '{{code}}', replyTo: 'help@acme.test' });
    expectError(await call('PATCH', `/api/email-templates/${forgot.id}/details`, { body: { content: 'no code here' } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', '/api/email-templates/nope/details', { body: { subject: 'x' } }), 404, 'entity.not_exists_with_id');

    expect((await call('DELETE', `/api/email-templates/${forgot.id}`)).status).toBe(204);
    expectError(await call('DELETE', `/api/email-templates/${forgot.id}`), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', '/api/email-templates'), 422, 'guard.invalid_input');

    await put([{ languageTag: 'fr', templateType: 'Generic', details: { subject: 'Code', content: '{{code}}' } }, { languageTag: 'fr', templateType: 'SignIn', details: { subject: 'Code', content: '{{code}}' } }]);
    expect((await call('DELETE', '/api/email-templates?languageTag=fr')).body).toEqual({ rowCount: 2 });
  });

  it('refuses templates that would lock people out or cannot be sent, and stores none of the list', async () => {
    const before = (await call('GET', '/api/email-templates')).body;
    for (const templates of [
      [{ ...signInEn, details: { subject: 'Hi', content: 'Welcome!' } }], // no {{code}}
      [{ ...signInEn, templateType: 'Welcome' }],
      [{ ...signInEn, languageTag: 'not a tag' }],
      [{ ...signInEn, details: { ...signInEn.details, subject: 'Hi\r\nBcc: x@evil.test' } }],
      [{ ...signInEn, details: { ...signInEn.details, replyTo: 'nobody' } }],
      [{ ...signInEn, details: { ...signInEn.details, customField: 1 } }],
      [signInEn, { ...signInEn, languageTag: 'EN' }], // the same language twice
      [],
    ]) {
      expectError(await put(templates), 400, 'guard.invalid_input');
    }
    expect((await call('GET', '/api/email-templates')).body).toEqual(before);
  });
});

describe('verification emails with the operator’s templates', () => {
  it('sends the template of the person’s language, filled in, with its sender name and reply-to', async () => {
    await put([
      { languageTag: 'en', templateType: 'SignIn', details: { subject: 'Sign in to {{application.displayName}}', content: '<p>Code: <b>{{code}}</b> for {{application.displayName}}</p>', contentType: 'text/html', replyTo: 'help@acme.test', sendFrom: '{{application.displayName}} team' } },
    ]);
    const email = await deliver('ada@example.com');
    expect(email.subject).toBe('Sign in to Acme Shop');
    expect(email.html).toContain('<p>Code: <b>493021</b> for Acme Shop</p>');
    // The plain-text part is Sesame's own, naming the app, so text-only mail clients still show the code.
    expect(email.text).toContain('493021');
    expect(email.from).toBe('"Acme Shop team" <no-reply@acme.test>');
    expect(email.replyTo).toBe('help@acme.test');
  });

  it('falls back to the operator’s fallback language, then to Sesame’s built-in email naming the app', async () => {
    // No Korean SignIn template: the English one (fallbackLanguage en).
    expect((await deliver('bo@example.com', { locale: 'ko' })).subject).toBe('Sign in to Acme Shop');
    // No template at all for ForgotPassword: the built-in one, in Korean, with the app's name.
    const builtIn = await deliver('bo@example.com', { purpose: 'ForgotPassword', locale: 'ko' });
    expect(builtIn.subject).toBe('Acme Shop 비밀번호 재설정');
    expect(builtIn.from).toBe('"Acme Accounts" <no-reply@acme.test>');
    // Without an app (a connector test, say), the built-in email says Sesame.
    expect((await deliver('cy@example.com', { purpose: 'ForgotPassword', withApp: false })).subject).toBe('Reset your Sesame password');
  });

  it('a plain-text template sends text only', async () => {
    await put([{ languageTag: 'en', templateType: 'Register', details: { subject: 'Welcome', content: 'Code {{code}}, valid {{expiresInMinutes}} minutes.' } }]);
    const email = await deliver('di@example.com', { purpose: 'Register' });
    expect(email.text.trim()).toBe('Code 493021, valid 10 minutes.');
    expect(email.html).toBe('');
  });
});
