import '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockIdentifiers } from '@/lib/management/sentinel/unlock';
import { DEFAULT_ATTEMPT_POLICY } from '@/lib/security/attempt-guard';
import { updateSignInExperience } from '@/lib/sign-in-exp/update';
import { closeTestDatabase, createApplication, createUser } from '../../support/experience-fixture';
import { errorOf, expectStatus, startedExperienceClient } from './client';

let applicationId: string;
const PASSWORD = 'the right password';
const { maxFailures } = DEFAULT_ATTEMPT_POLICY;

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'erin', password: PASSWORD });
  await createUser({ username: 'frank', password: PASSWORD });
  await createUser({ username: 'grace', primaryEmail: 'grace@example.com', password: PASSWORD });
  await createUser({ username: 'heidi', password: PASSWORD });
});
afterAll(closeTestDatabase);

const startedClient = () => startedExperienceClient(applicationId);

describe('brute-force lockout per identifier', () => {
  it(`locks after ${maxFailures} failures, then refuses even the right password, across interactions`, async () => {
    const erin = { type: 'username', value: 'erin' } as const;
    for (let failure = 1; failure < maxFailures; failure++) {
      const client = await startedClient();
      expect(await errorOf(client.verifyPassword(erin, `guess ${failure}`))).toMatchObject({ status: 422, code: 'session.invalid_credentials' });
    }
    const last = await errorOf((await startedClient()).verifyPassword(erin, 'last guess'));
    expect(last).toMatchObject({ status: 400, code: 'session.verification_blocked_too_many_attempts' });
    expect(JSON.parse(last.body).data.retryAfterSeconds).toBeGreaterThan(0);

    // Another spelling of the same username, from a fresh interaction, with the right password.
    const response = await (await startedClient()).verifyPassword({ type: 'username', value: 'ERIN' }, PASSWORD);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const locked = await errorOf(response);
    expect(locked).toMatchObject({ status: 400, code: 'session.verification_blocked_too_many_attempts' });
  });

  it('locks an unknown identifier the same way, so a lockout does not reveal that an account exists', async () => {
    const ghost = { type: 'email', value: 'ghost@example.com' } as const;
    const answers = [];
    for (let attempt = 1; attempt <= maxFailures + 1; attempt++) {
      answers.push((await errorOf((await startedClient()).verifyPassword(ghost, `guess ${attempt}`))).code);
    }
    expect(answers).toEqual([
      ...Array(maxFailures - 1).fill('session.invalid_credentials'),
      'session.verification_blocked_too_many_attempts',
      'session.verification_blocked_too_many_attempts',
    ]);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const frank = { type: 'username', value: 'frank' } as const;
    const client = await startedClient();
    for (let failure = 1; failure < maxFailures; failure++) {
      expect((await errorOf(client.verifyPassword(frank, 'wrong'))).code).toBe('session.invalid_credentials');
    }
    await expectStatus(client.verifyPassword(frank, PASSWORD), 200);
    for (let failure = 1; failure < maxFailures; failure++) {
      expect((await errorOf(client.verifyPassword(frank, 'wrong'))).code).toBe('session.invalid_credentials');
    }
  });
});

describe('the operator’s sentinel policy', () => {
  const failUntilLocked = async (identifier: { type: 'username' | 'email'; value: string }, failures: number) => {
    const codes = [];
    for (let attempt = 1; attempt <= failures; attempt++) codes.push((await errorOf((await startedClient()).verifyPassword(identifier, 'wrong'))).code);
    return codes;
  };

  it('locks after maxAttempts failures, for lockoutDuration minutes', async () => {
    await updateSignInExperience({ sentinelPolicy: { maxAttempts: 2, lockoutDuration: 3 } });
    try {
      const heidi = { type: 'username', value: 'heidi' } as const;
      expect(await failUntilLocked(heidi, 2)).toEqual(['session.invalid_credentials', 'session.verification_blocked_too_many_attempts']);
      const locked = await (await startedClient()).verifyPassword(heidi, PASSWORD);
      const retryAfter = Number(locked.headers.get('retry-after'));
      // Three minutes, not the default ten.
      expect(retryAfter).toBeGreaterThan(170);
      expect(retryAfter).toBeLessThanOrEqual(180);
    } finally {
      await updateSignInExperience({ sentinelPolicy: {} });
    }
  });

  it('an administrator’s unlock lets the right password in at once, under any identifier typed', async () => {
    const email = { type: 'email', value: 'grace@example.com' } as const;
    expect((await failUntilLocked(email, maxFailures)).at(-1)).toBe('session.verification_blocked_too_many_attempts');
    expect((await errorOf((await startedClient()).verifyPassword(email, PASSWORD))).code).toBe('session.verification_blocked_too_many_attempts');
    // As support would type it, in another case.
    await unlockIdentifiers({ targetType: 'User', targets: ['Grace@Example.com'] });
    await expectStatus((await startedClient()).verifyPassword(email, PASSWORD), 200);
  });
});
