import { createHmac } from 'node:crypto';
import type { Executor } from '@/db/client';
import { countAttempt, deleteAttemptCounter, deleteAttemptCounters, type AttemptKey, type AttemptRule } from '@/db/queries/attempt-counters';
import type { AttemptCounter } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { derivedKey } from './crypto';

/**
 * Brute-force protection for anything a guesser can retry: a password today, verification
 * codes and per-IP limits next (each is a new `GuardedAction`, or a second guard around the first).
 */
export type GuardedAction = 'password';

export type AttemptPolicy = { maxFailures: number; windowSeconds: number; lockSeconds: number };

/** 5 failures within an hour lock the target for 10 minutes (an operator may choose otherwise: `sentinelPolicy`). */
export const DEFAULT_ATTEMPT_POLICY: AttemptPolicy = { maxFailures: 5, windowSeconds: 3600, lockSeconds: 600 };

/** The policy an operator's `sentinelPolicy` describes, over the defaults. */
export function attemptPolicyOf(sentinel: { maxAttempts?: number | undefined; lockoutDuration?: number | undefined }): AttemptPolicy {
  return {
    maxFailures: sentinel.maxAttempts ?? DEFAULT_ATTEMPT_POLICY.maxFailures,
    windowSeconds: DEFAULT_ATTEMPT_POLICY.windowSeconds,
    lockSeconds: sentinel.lockoutDuration === undefined ? DEFAULT_ATTEMPT_POLICY.lockSeconds : sentinel.lockoutDuration * 60,
  };
}

export const TOO_MANY_ATTEMPTS = 'session.verification_blocked_too_many_attempts';

/**
 * Runs `attempt` unless `target` is locked; a thrown error counts as a failure, a result
 * clears the counter. The attempt is counted *before* it runs, in one atomic upsert, so a
 * burst of parallel guesses gets no more tries than a patient guesser. As in Logto, the
 * failure that reaches the limit already answers with the lockout.
 *
 * Callers pass the same target for existing and unknown accounts: a lock says nothing about
 * whether an account exists.
 */
export async function withAttemptGuard<T>(db: Executor, guard: AttemptGuard, attempt: () => Promise<T>): Promise<T> {
  const { result, counterToClear } = await runGuardedAttempt(db, guard, attempt);
  await deleteAttemptCounter(db, counterToClear);
  return result;
}

export type AttemptGuard = { action: GuardedAction; target: string; policy?: AttemptPolicy };

/**
 * `withAttemptGuard` for a caller that writes anyway once the attempt succeeds: it gets the
 * counter to clear and must delete it in that write (one statement instead of two, e.g.
 * `updateInteractionClearingAttempts`). Until then the success still counts as one attempt,
 * so a caller that fails to clear errs on the locking side.
 */
export async function runGuardedAttempt<T>(
  db: Executor,
  guard: AttemptGuard,
  attempt: () => Promise<T>,
): Promise<{ result: T; counterToClear: AttemptKey }> {
  return runGuardedAttemptReading(guard, async (key, rule) => ({ counter: await countAttempt(db, key, rule), read: undefined }), attempt);
}

/**
 * `runGuardedAttempt` whose counting statement also reads what the attempt will need
 * (`countReading`, e.g. `countAttemptFindingUser`), so both take one statement. The read
 * reaches the attempt only once the count allowed it; a locked target answers as before.
 */
export async function runGuardedAttemptReading<R, T>(
  guard: AttemptGuard,
  countReading: (key: AttemptKey, rule: AttemptRule) => Promise<{ counter: AttemptCounter; read: R }>,
  attempt: (read: R) => Promise<T>,
): Promise<{ result: T; counterToClear: AttemptKey }> {
  const policy = guard.policy ?? DEFAULT_ATTEMPT_POLICY;
  const key: AttemptKey = { action: guard.action, targetHash: hashTarget(guard.target) };
  const now = new Date();
  const { counter, read } = await countReading(key, {
    maxFailures: policy.maxFailures,
    windowStartsAfter: new Date(now.getTime() - policy.windowSeconds * 1000),
    lockUntil: new Date(now.getTime() + policy.lockSeconds * 1000),
    now,
  });
  if (counter.failures > policy.maxFailures) throw tooManyAttempts(counter.blockedUntil, now);

  try {
    return { result: await attempt(read), counterToClear: key };
  } catch (error) {
    if (counter.failures >= policy.maxFailures) throw tooManyAttempts(counter.blockedUntil, now);
    throw error;
  }
}

function tooManyAttempts(blockedUntil: Date | null, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(((blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  return new AppError(TOO_MANY_ATTEMPTS, 400, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

/** Lifts `action`'s lock (and forgets its failures) for each target: an administrator's unlock. */
export async function clearAttempts(db: Executor, action: GuardedAction, targets: string[]): Promise<void> {
  await deleteAttemptCounters(db, action, targets.map(hashTarget));
}

/** Keyed, so the table cannot be reversed into a list of identifiers by hashing guesses. */
function hashTarget(target: string): string {
  return createHmac('sha256', derivedKey('attempt-guard')).update(target).digest('base64url');
}
