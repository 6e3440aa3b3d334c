import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadMessages } from '@/lib/i18n/messages';
import { sendVerificationMessage } from '@/lib/messages/send';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import { APP_URL, call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

let smtp: SmtpCatcher;

beforeAll(async () => {
  await startManagementApi();
  smtp = await startSmtpCatcher();
  const connector = await call('POST', '/api/connectors', { body: { connectorId: 'smtp', config: smtp.connectorConfig('Acme <no-reply@acme.test>') } });
  expect(connector.status, JSON.stringify(connector.body)).toBe(200);
});
afterAll(async () => {
  await smtp.close();
  await stopManagementApi();
});
beforeEach(async () => {
  for (const tag of ['en', 'ko']) await call('DELETE', `/api/custom-phrases/${tag}`);
});

const acme = { SignIn: { title: 'Welcome back to Acme' }, MessageTemplates: { appName: 'Acme' } };
const t = (messages: unknown, path: string) => path.split('.').reduce((node, key) => (node as Record<string, unknown>)[key], messages) as string;

async function wellKnownPhrases(query = '', headers: Record<string, string> = {}) {
  const { GET } = await import('@/app/api/.well-known/phrases/route');
  const response = await GET(new Request(`${APP_URL}/api/.well-known/phrases${query}`, { headers }), undefined);
  return { language: response.headers.get('content-language'), body: await response.json() };
}

describe('/api/custom-phrases', () => {
  it('creates a language’s phrases (canonical tag), reads and lists them, and replaces them whole', async () => {
    const created = await call('PUT', '/api/custom-phrases/EN', { body: acme });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), languageTag: 'en', translation: acme, createdAt: expect.any(Number), updatedAt: expect.any(Number) });
    expect((await call('GET', '/api/custom-phrases/en')).body.translation).toEqual(acme);

    await call('PUT', '/api/custom-phrases/ko', { body: { SignIn: { title: 'Acme에 다시 오신 것을 환영합니다' } } });
    expect((await call('GET', '/api/custom-phrases')).body.map((row: { languageTag: string }) => row.languageTag)).toEqual(['en', 'ko']);

    const replaced = await call('PUT', '/api/custom-phrases/en', { body: { SignIn: { submit: 'Continue', title: '' } } });
    expect(replaced.body.id).toBe(created.body.id);
    expect(replaced.body.translation).toEqual({ SignIn: { submit: 'Continue' } });
  });

  it('refuses a body the pages could not render, saying what is wrong with each key, and keeps what was there', async () => {
    await call('PUT', '/api/custom-phrases/en', { body: acme });
    const refused = await call('PUT', '/api/custom-phrases/en', { body: { SignIn: { title: 'Hi {name}', nope: 'x' } } });
    expectError(refused, 422, 'localization.invalid_translation_structure');
    expect(refused.body.message).toContain('SignIn.title');
    expect(refused.body.data.problems.map((problem: { key: string }) => problem.key)).toEqual(['SignIn.title', 'SignIn.nope']);
    expectError(await call('PUT', '/api/custom-phrases/en', { rawBody: '["not", "an object"]' }), 422, 'localization.invalid_translation_structure');
    expectError(await call('PUT', '/api/custom-phrases/en', { rawBody: '{ not json' }), 400, 'guard.invalid_input');
    expect((await call('GET', '/api/custom-phrases/en')).body.translation).toEqual(acme);
  });

  it('accepts only the languages Sesame’s pages are written in', async () => {
    const french = await call('PUT', '/api/custom-phrases/fr', { body: acme });
    expectError(french, 400, 'guard.invalid_input');
    expect(french.body.data.supported).toEqual(['en', 'ko']);
    expectError(await call('GET', '/api/custom-phrases/not%20a%20tag'), 400, 'guard.invalid_input');
  });

  it('deletes a language’s phrases; a language without any is 404', async () => {
    expectError(await call('GET', '/api/custom-phrases/ko'), 404, 'entity.not_exists_with_id');
    await call('PUT', '/api/custom-phrases/ko', { body: { SignIn: { title: '어서 오세요' } } });
    expect((await call('DELETE', '/api/custom-phrases/ko')).status).toBe(204);
    expectError(await call('DELETE', '/api/custom-phrases/ko'), 404, 'entity.not_exists_with_id');
  });
});

describe('custom phrases in what people see', () => {
  it('the pages’ messages change at once after a write, and go back after a delete', async () => {
    const shipped = t(await loadMessages('en'), 'SignIn.title');
    await call('PUT', '/api/custom-phrases/en', { body: acme });
    const custom = await loadMessages('en');
    expect(t(custom, 'SignIn.title')).toBe('Welcome back to Acme');
    expect(t(custom, 'SignIn.submit')).toBe('Sign in');
    expect(t(await loadMessages('ko'), 'SignIn.title')).not.toBe('Welcome back to Acme');
    await call('DELETE', '/api/custom-phrases/en');
    expect(t(await loadMessages('en'), 'SignIn.title')).toBe(shipped);
  });

  it('a verification email uses the custom wording of its language', async () => {
    await call('PUT', '/api/custom-phrases/ko', { body: { MessageTemplates: { SignIn: { subject: '{appName} 로그인 코드가 도착했어요' }, appName: '에이크미' } } });
    const since = new Date();
    await sendVerificationMessage(await getDb(), { channel: 'email', to: 'kim@acme.test', purpose: 'SignIn', locale: 'ko', code: '493021', expiresInMinutes: 10 });
    const email = await smtp.waitForEmail('kim@acme.test', { since });
    expect(email.subject).toBe('에이크미 로그인 코드가 도착했어요');
    expect(email.text).toContain('493021');
  });

  it('GET /api/.well-known/phrases answers the merged messages in the asked-for language', async () => {
    await call('PUT', '/api/custom-phrases/ko', { body: { SignIn: { title: 'Acme에 로그인' } } });
    const korean = await wellKnownPhrases('?lng=ko-KR');
    expect(korean.language).toBe('ko');
    expect(t(korean.body, 'SignIn.title')).toBe('Acme에 로그인');
    expect(typeof t(korean.body, 'Register.title')).toBe('string');

    expect((await wellKnownPhrases('', { 'accept-language': 'ko;q=0.9, en;q=0.5' })).language).toBe('ko');
    const english = await wellKnownPhrases('?lng=fr');
    expect(english.language).toBe('en');
    expect(t(english.body, 'SignIn.title')).not.toBe('Acme에 로그인');
  });
});
