import '@/tests/support/experience-env';
import argon2 from 'argon2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '@/tests/support/experience-fixture';
import { loadExperience } from '../interaction';
import { verifyPasswordIdentity } from './password';

let applicationId: string;

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'grace', password: 'grace password' });
  await createUser({ username: 'heidi' });
});
afterAll(closeTestDatabase);
afterEach(() => vi.restoreAllMocks());

async function interactionCookieValue() {
  return (await startBrowserInteraction(applicationId)).split('=')[1]!;
}

async function experience(cookieValue?: string) {
  return loadExperience(await getDb(), cookieValue ?? (await interactionCookieValue()));
}

/**
 * Equal timing is a property of the design, tested as behaviour: every path runs exactly one
 * argon2 verification (the spy calls through to the real one), whether or not the account exists.
 */
describe('password verification does the same work for every wrong answer', () => {
  const cases = [
    ['a wrong password', 'grace'],
    ['an unknown user', 'nobody-here'],
    ['a user without a password', 'heidi'],
  ] as const;

  for (const [label, username] of cases) {
    it(`runs one argon2 verification for ${label}`, async () => {
      const verify = vi.spyOn(argon2, 'verify');
      await expect(verifyPasswordIdentity(await experience(), { identifier: { type: 'username', value: username }, password: 'wrong' })).rejects.toMatchObject({
        code: 'session.invalid_credentials',
        status: 422,
      });
      expect(verify).toHaveBeenCalledTimes(1);
    });
  }

  it('runs one argon2 verification for the right password too, and records the verified user', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    const cookieValue = await interactionCookieValue();
    const current = await experience(cookieValue);
    const { verificationId } = await verifyPasswordIdentity(current, { identifier: { type: 'username', value: 'grace' }, password: 'grace password' });
    expect(verify).toHaveBeenCalledTimes(1);
    const record = { id: verificationId, type: 'Password', identifier: { type: 'username', value: 'grace' }, verified: true, userId: expect.any(String) };
    expect(current.state.verificationRecords).toEqual([record]);
    // Saved, not only kept in memory: a fresh load from the cookie sees it.
    expect((await experience(cookieValue)).state.verificationRecords).toEqual([record]);
  });
});
