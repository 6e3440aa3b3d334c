import '../../support/experience-env';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { POST as postSendCode } from '@/app/api/experience/verification/verification-code/route';
import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import { secondsUntilNextCode } from '@/lib/experience/verification-codes';
import { closeTestDatabase, createApplication, createUser, experienceRequest, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure, latestCode, messageCount, verifyByCode } from './codes';

let applicationId: string;
let userId: string;

const codeSignIn: Partial<SignInExperience> = {
  signIn: {
    methods: [
      { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false },
      { identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false },
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
};

beforeAll(async () => {
  applicationId = await createApplication();
  userId = (await createUser({ primaryEmail: 'coder@example.com', primaryPhone: '821012340000', password: 'a long enough password' })).id;
});
beforeEach(() => configure(codeSignIn));
afterEach(() => vi.useRealTimers());
afterAll(closeTestDatabase);

async function signingIn() {
  const client = experienceClient(await startBrowserInteraction(applicationId));
  await expectStatus(client.start('SignIn'), 204);
  return client;
}

describe('signing in with a code', () => {
  it('signs in with an email code', async () => {
    const client = await signingIn();
    const verificationId = await verifyByCode(client, { type: 'email', value: 'Coder@Example.com' }, 'SignIn', 'Coder@Example.com');
    await expectStatus(client.identify({ verificationId }), 204);
    expect(await (await client.interaction()).json()).toMatchObject({ userId });
    await expectStatus(client.submit(), 200);
  });

  it('signs in with a phone code, however the number is typed', async () => {
    const client = await signingIn();
    const verificationId = await verifyByCode(client, { type: 'phone', value: '+82 (10) 1234-0000' }, 'SignIn', '821012340000');
    await expectStatus(client.identify({ verificationId }), 204);
    await expectStatus(client.submit(), 200);
  });

  it('writes the message in the experience’s language: ui_locales, else the browser’s, else the operator’s fallback', async () => {
    const languageOf = async (recipient: string, options: { uiLocales?: string; acceptLanguage: string }) => {
      const cookie = await startBrowserInteraction(applicationId, options.uiLocales ? { ui_locales: options.uiLocales } : {});
      await expectStatus(experienceClient(cookie).start('SignIn'), 204);
      const request = experienceRequest('POST', '/api/experience/verification/verification-code', {
        cookie,
        headers: { 'accept-language': options.acceptLanguage },
        body: { identifier: { type: 'email', value: recipient }, interactionEvent: 'SignIn' },
      });
      await expectStatus(postSendCode(request, {}), 200);
      const [message] = await listDevMessages(await getDb(), { recipient, limit: 1 });
      return message?.payload.locale;
    };
    expect(await languageOf('lang1@example.com', { uiLocales: 'ko', acceptLanguage: 'en-US' })).toBe('ko');
    expect(await languageOf('lang2@example.com', { acceptLanguage: 'ko-KR' })).toBe('ko');
    expect(await languageOf('lang3@example.com', { acceptLanguage: 'de-DE' })).toBe('en');
    await configure({ ...codeSignIn, languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
    expect(await languageOf('lang4@example.com', { acceptLanguage: 'en-US' })).toBe('ko');
    expect(await languageOf('lang5@example.com', { uiLocales: 'en', acceptLanguage: 'ko-KR' })).toBe('en');
  });

  it('names the app the person signs in to in the message, as the page does', async () => {
    const client = await signingIn();
    await expectStatus(client.sendCode({ type: 'email', value: 'named@example.com' }, 'SignIn'), 200);
    const [message] = await listDevMessages(await getDb(), { recipient: 'named@example.com', limit: 1 });
    expect(message?.subject).toBe('Your Demo App sign-in code');
  });

  it('sends the code as a 6-digit number and never shows it in the interaction view', async () => {
    const client = await signingIn();
    await verificationIdOf(client.sendCode({ type: 'email', value: 'view@example.com' }, 'SignIn'));
    const code = await latestCode('view@example.com');
    expect(code).toMatch(/^\d{6}$/);
    const view = await (await client.interaction()).text();
    expect(view).not.toContain(code);
    expect(view).not.toMatch(/codeId|codeHash/);
  });

  it('refuses a method that is not enabled (422 user.sign_in_method_not_enabled)', async () => {
    await configure();
    const client = await signingIn();
    expect(await errorOf(client.sendCode({ type: 'email', value: 'coder@example.com' }, 'SignIn'))).toMatchObject({
      status: 422,
      code: 'user.sign_in_method_not_enabled',
    });
  });

  it('answers 404 user.user_not_exist for a verified address without an account', async () => {
    const client = await signingIn();
    const verificationId = await verifyByCode(client, { type: 'email', value: 'nobody@example.com' }, 'SignIn');
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 404, code: 'user.user_not_exist' });
  });
});

describe('codes that do not work', () => {
  it('refuses a wrong code, and an unverified record at identification', async () => {
    const client = await signingIn();
    const email = { type: 'email', value: 'wrong@example.com' } as const;
    const verificationId = await verificationIdOf(client.sendCode(email, 'SignIn'));
    const wrong = (Number(await latestCode(email.value)) + 1) % 1_000_000;
    expect(await errorOf(client.verifyCode(email, verificationId, String(wrong).padStart(6, '0')))).toMatchObject({
      status: 400,
      code: 'verification_code.code_mismatch',
    });
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 400, code: 'session.verification_failed' });
  });

  it('refuses an expired code', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const client = await signingIn();
    const email = { type: 'email', value: 'late@example.com' } as const;
    const verificationId = await verificationIdOf(client.sendCode(email, 'SignIn'));
    vi.setSystemTime(Date.now() + 601_000);
    expect(await errorOf(client.verifyCode(email, verificationId, await latestCode(email.value)))).toMatchObject({
      status: 400,
      code: 'verification_code.expired',
    });
  });

  it('stops after the allowed attempts, even for the right code, and a used code works once', async () => {
    const client = await signingIn();
    const email = { type: 'email', value: 'guesser@example.com' } as const;
    const verificationId = await verificationIdOf(client.sendCode(email, 'SignIn'));
    const code = await latestCode(email.value);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const guesses = await Promise.all(Array.from({ length: 5 }, () => errorOf(client.verifyCode(email, verificationId, wrong))));
    expect(guesses.map((guess) => guess.code)).toEqual(Array(5).fill('verification_code.code_mismatch'));
    expect(await errorOf(client.verifyCode(email, verificationId, code))).toMatchObject({ status: 400, code: 'verification_code.exceed_max_try' });

    const other = await signingIn();
    const second = { type: 'email', value: 'once@example.com' } as const;
    const secondId = await verifyByCode(other, second, 'SignIn');
    expect(await errorOf(other.verifyCode(second, secondId, await latestCode(second.value)))).toMatchObject({
      status: 400,
      code: 'verification_code.not_found',
    });
  });

  it('limits sends per recipient (429 request.message_rate_limited), across interactions, for a minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const email = { type: 'email', value: 'limited@example.com' } as const;
    await verificationIdOf((await signingIn()).sendCode(email, 'SignIn'));
    const limited = await errorOf((await signingIn()).sendCode(email, 'SignIn'));
    expect(limited).toMatchObject({ status: 429, code: 'request.message_rate_limited' });
    expect(JSON.parse(limited.body).data.retryAfterSeconds).toBeGreaterThan(0);
    expect(await messageCount(email.value)).toBe(1);
    // The same wait in the Retry-After header, for clients that read only that.
    expect((await (await signingIn()).sendCode(email, 'SignIn')).headers.get('retry-after')).toBe('60');
    // What the code pages count down on "Send a new code": the same wait, however the address is spelled.
    const db = await getDb();
    expect(await secondsUntilNextCode(db, 'email', email.value)).toBe(60);
    expect(await secondsUntilNextCode(db, 'email', ' LIMITED@example.com')).toBe(60);
    expect(await secondsUntilNextCode(db, 'email', 'someone-else@example.com')).toBe(0);

    vi.setSystemTime(Date.now() + 61_000);
    expect(await secondsUntilNextCode(db, 'email', email.value)).toBe(0);
    await verificationIdOf((await signingIn()).sendCode(email, 'SignIn'));
    expect(await messageCount(email.value)).toBe(2);
  });

  it('sends only to one plain address: a list or a display name cannot dodge the per-recipient limit', async () => {
    const email = { type: 'email', value: 'bombed@example.com' } as const;
    await verificationIdOf((await signingIn()).sendCode(email, 'SignIn'));
    for (const value of ['bombed@example.com, decoy@example.com', 'Bombed <bombed@example.com>', 'bombed@example.com\r\nbcc: x@example.com', 'no-domain@']) {
      expect(await errorOf((await signingIn()).sendCode({ type: 'email', value }, 'SignIn'))).toMatchObject({ status: 400, code: 'guard.invalid_input' });
    }
    expect(await messageCount(email.value)).toBe(1);
  });

  it('caps sends per recipient at ten an hour, however they are spaced', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const email = { type: 'email', value: 'hourly@example.com' } as const;
    const client = await signingIn();
    for (let sent = 0; sent < 10; sent++) {
      await verificationIdOf(client.sendCode(email, 'SignIn'));
      vi.setSystemTime(Date.now() + 61_000);
    }
    const refused = await errorOf(client.sendCode(email, 'SignIn'));
    expect(refused).toMatchObject({ status: 429, code: 'request.message_rate_limited' });
    expect(await messageCount(email.value)).toBe(10);
    // The pages count down to the end of the hour's lock, not to the next minute.
    const waited = await secondsUntilNextCode(await getDb(), 'email', email.value);
    expect(waited).toBe(JSON.parse(refused.body).data.retryAfterSeconds);
    expect(waited).toBeGreaterThan(3000);
  });

  it('refuses a code for another identifier than the one it was sent to', async () => {
    const client = await signingIn();
    const verificationId = await verificationIdOf(client.sendCode({ type: 'email', value: 'first@example.com' }, 'SignIn'));
    expect(
      await errorOf(client.verifyCode({ type: 'email', value: 'second@example.com' }, verificationId, await latestCode('first@example.com'))),
    ).toMatchObject({ status: 400, code: 'verification_code.not_found' });
  });
});
