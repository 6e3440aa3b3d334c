import '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPT_POLICY } from '@/lib/security/attempt-guard';
import { closeTestDatabase, createApplication, createUser } from '../../support/experience-fixture';
import { errorOf, expectStatus, startedExperienceClient } from './client';

let applicationId: string;
const PASSWORD = 'the right password';
const { maxFailures } = DEFAULT_ATTEMPT_POLICY;

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'erin', password: PASSWORD });
  await createUser({ username: 'frank', password: PASSWORD });
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
