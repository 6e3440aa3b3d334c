import '../../support/experience-env';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { findSessionBySid } from '@/db/queries/sessions';
import { grants, oidcSessions } from '@/db/schema';
import { generateId } from '@/lib/security/ids';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, signIn, verificationIdOf } from './client';
import { runAfterResponse } from './after-response';
import { configure, latestCode, messageCount, verifyByCode } from './codes';

// The reset code goes out through `after()`, which needs a Next request scope: capture it here.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('./after-response')).captureAfterResponse,
}));

let applicationId: string;
let userId: string;
const OLD_PASSWORD = 'the old password';
const NEW_PASSWORD = 'the brand new password';

beforeAll(async () => {
  applicationId = await createApplication();
  userId = (await createUser({ username: 'forgetful', primaryEmail: 'forgetful@example.com', password: OLD_PASSWORD })).id;
});
beforeEach(() => configure());
afterEach(() => vi.useRealTimers());
afterAll(closeTestDatabase);

async function resetting() {
  const client = experienceClient(await startBrowserInteraction(applicationId));
  await expectStatus(client.start('ForgotPassword'), 204);
  return client;
}

async function givenSignedInElsewhere(sid: string) {
  const db = await getDb();
  const now = new Date();
  const later = new Date(now.getTime() + 3_600_000);
  await db.insert(oidcSessions).values({ id: generateId(), sid, userId, authTime: now, expiresAt: later });
  const grantId = generateId();
  await db.insert(grants).values({ id: grantId, userId, applicationId, sid, scope: 'openid', authTime: now, expiresAt: later });
  return grantId;
}

describe('password reset through the Experience API', () => {
  it('answers the same for an existing and an unknown account, and writes only to the existing one', async () => {
    const known = await (await resetting()).sendCode({ type: 'email', value: 'forgetful@example.com' }, 'ForgotPassword');
    const unknown = await (await resetting()).sendCode({ type: 'email', value: 'stranger@example.com' }, 'ForgotPassword');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(Object.keys(await unknown.json())).toEqual(Object.keys(await known.json()));
    // Nothing is sent before the answer, for either: only the existing account's delivery was scheduled.
    expect(await messageCount('forgetful@example.com')).toBe(0);
    expect(await runAfterResponse()).toBe(1);
    expect(await messageCount('forgetful@example.com')).toBe(1);
    expect(await messageCount('stranger@example.com')).toBe(0);
  });

  it('fails like a wrong code for an unknown account', async () => {
    const client = await resetting();
    const email = { type: 'email', value: 'ghost@example.com' } as const;
    const verificationId = await verificationIdOf(client.sendCode(email, 'ForgotPassword'));
    expect(await errorOf(client.verifyCode(email, verificationId, '123456'))).toMatchObject({ status: 400, code: 'verification_code.code_mismatch' });
  });

  it('resets the password, ends every session and token, and the old password stops working', async () => {
    // A minute after the first test's code to this address, so the send limit lets this one through.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    const grantId = await givenSignedInElsewhere('sid-elsewhere');
    const client = await resetting();
    const verificationId = await verifyByCode(client, { type: 'email', value: 'forgetful@example.com' }, 'ForgotPassword');
    await expectStatus(client.identify({ verificationId }), 204);

    expect(await errorOf(client.resetPassword(OLD_PASSWORD))).toMatchObject({ status: 422, code: 'user.same_password' });
    expect(await errorOf(client.resetPassword('short'))).toMatchObject({ status: 422, code: 'password.rejected' });
    await expectStatus(client.resetPassword(NEW_PASSWORD), 204);
    const submitted = await expectStatus(client.submit(), 204);
    expect(await submitted.text()).toBe('');

    const db = await getDb();
    expect(await findSessionBySid(db, 'sid-elsewhere')).toBeUndefined();
    const grant = await db.query.grants.findFirst({ where: (table, { eq }) => eq(table.id, grantId) });
    expect(grant?.revokedAt).toBeInstanceOf(Date);
    // The interaction is spent: submitting again changes nothing.
    expect(await errorOf(client.submit())).toMatchObject({ status: 404 });

    const oldAttempt = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(oldAttempt.start('SignIn'), 204);
    expect(await errorOf(oldAttempt.verifyPassword({ type: 'username', value: 'forgetful' }, OLD_PASSWORD))).toMatchObject({
      status: 422,
      code: 'session.invalid_credentials',
    });
    await signIn(experienceClient(await startBrowserInteraction(applicationId)), { type: 'email', value: 'forgetful@example.com' }, NEW_PASSWORD);
  });

  it('refuses a channel not in forgotPasswordMethods, and the reset when none is enabled', async () => {
    const client = await resetting();
    expect(await errorOf(client.sendCode({ type: 'phone', value: '821000000000' }, 'ForgotPassword'))).toMatchObject({
      status: 422,
      code: 'session.not_supported_for_forgot_password',
    });
    await configure({ forgotPasswordMethods: [] });
    expect(await errorOf(client.start('ForgotPassword'))).toMatchObject({ status: 422, code: 'session.forgot_password_not_enabled' });
  });

  it('refuses a sign-in code for a reset, the reset steps outside ForgotPassword, and switching away', async () => {
    const client = await resetting();
    expect(await errorOf(client.sendCode({ type: 'email', value: 'forgetful@example.com' }, 'SignIn'))).toMatchObject({
      status: 400,
      code: 'session.invalid_interaction_type',
    });
    expect(await errorOf(client.resetPassword(NEW_PASSWORD))).toMatchObject({ status: 404, code: 'session.identifier_not_found' });
    expect(await errorOf(client.submit())).toMatchObject({ status: 404, code: 'session.identifier_not_found' });
    expect(await errorOf(client.switchEvent('SignIn'))).toMatchObject({ status: 400, code: 'session.not_supported_for_forgot_password' });
    expect(await errorOf(client.addProfile({ type: 'username', value: 'x' }))).toMatchObject({ status: 400, code: 'session.not_supported_for_forgot_password' });

    const signingIn = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(signingIn.start('SignIn'), 204);
    expect(await errorOf(signingIn.resetPassword(NEW_PASSWORD))).toMatchObject({ status: 400, code: 'session.invalid_interaction_type' });
    expect(await latestCode('forgetful@example.com')).toMatch(/^\d{6}$/);
  });
});
