import '@/tests/support/experience-env';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { closeTestDatabase } from '@/tests/support/experience-fixture';
import { deleteAttemptCounter } from '@/db/queries/attempt-counters';
import { runGuardedAttempt, TOO_MANY_ATTEMPTS, withAttemptGuard, type AttemptPolicy } from './attempt-guard';

afterAll(closeTestDatabase);

const wrong = () => Promise.reject(new Error('wrong'));
const right = () => Promise.resolve('ok');

async function outcome(target: string, attempt: () => Promise<string>, policy?: AttemptPolicy): Promise<string> {
  return withAttemptGuard(await getDb(), { action: 'password', target, policy }, attempt).catch((error: { code?: string; message: string }) => error.code ?? error.message);
}

describe('withAttemptGuard', () => {
  it('lets no more than maxFailures attempts run in a parallel burst', async () => {
    let ran = 0;
    const counted = () => {
      ran++;
      return wrong();
    };
    const answers = await Promise.all(Array.from({ length: 20 }, () => outcome('burst', counted)));
    // Counted before they run: exactly five guesses are tried, and the fifth failure already answers with the lock.
    expect(ran).toBe(5);
    expect(answers.filter((answer) => answer === 'wrong')).toHaveLength(4);
    expect(answers.filter((answer) => answer === TOO_MANY_ATTEMPTS)).toHaveLength(16);
  });

  it('keeps targets apart', async () => {
    for (let i = 0; i < 5; i++) await outcome('locked-one', wrong);
    expect(await outcome('locked-one', right)).toBe(TOO_MANY_ATTEMPTS);
    expect(await outcome('another-one', right)).toBe('ok');
  });

  it('unlocks when the lock runs out, and starts a fresh window', async () => {
    const policy: AttemptPolicy = { maxFailures: 2, windowSeconds: 3600, lockSeconds: 1 };
    expect(await outcome('short-lock', wrong, policy)).toBe('wrong');
    expect(await outcome('short-lock', wrong, policy)).toBe(TOO_MANY_ATTEMPTS);
    expect(await outcome('short-lock', right, policy)).toBe(TOO_MANY_ATTEMPTS);
    await sleep(1100);
    expect(await outcome('short-lock', wrong, policy)).toBe('wrong');
    expect(await outcome('short-lock', right, policy)).toBe('ok');
  });

  it('forgets failures older than the window', async () => {
    const policy: AttemptPolicy = { maxFailures: 2, windowSeconds: 1, lockSeconds: 600 };
    expect(await outcome('short-window', wrong, policy)).toBe('wrong');
    await sleep(1100);
    expect(await outcome('short-window', wrong, policy)).toBe('wrong');
  });

  it('runGuardedAttempt: a success stays counted until the caller clears its counter', async () => {
    const db = await getDb();
    const guard = { action: 'password' as const, target: 'deferred-clear', policy: { maxFailures: 2, windowSeconds: 3600, lockSeconds: 600 } };
    const uncleared = await runGuardedAttempt(db, guard, right);
    expect(uncleared.result).toBe('ok');
    const cleared = await runGuardedAttempt(db, guard, right);
    await deleteAttemptCounter(db, cleared.counterToClear);
    // Cleared after the second: the count starts over, so two more attempts run.
    expect((await runGuardedAttempt(db, guard, right)).result).toBe('ok');
    await expect(runGuardedAttempt(db, guard, wrong)).rejects.toMatchObject({ code: TOO_MANY_ATTEMPTS });
  });
});
