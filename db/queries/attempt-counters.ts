import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { attemptCounters, type AttemptCounter } from '../schema';
import { preparedPerExecutor } from './prepared';

export type AttemptKey = { action: string; targetHash: string };

const placeholderAt = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;

// Every password verification and code send runs it: prepared, so Drizzle builds it once (db/queries/prepared.ts).
const attemptCount = preparedPerExecutor((db) => {
  const now = placeholderAt('now');
  const lockUntil = placeholderAt('lockUntil');
  // Set by the first attempt already when one failure is the limit.
  const lockOnFirst = placeholderAt('lockOnFirst');
  const stale = sql`(${attemptCounters.blockedUntil} <= ${now} or (${attemptCounters.blockedUntil} is null and ${attemptCounters.windowStartedAt} <= ${placeholderAt('windowStartsAfter')}))`;
  return db
    .insert(attemptCounters)
    .values({
      action: sql.placeholder('action'),
      targetHash: sql.placeholder('targetHash'),
      failures: sql`1`,
      windowStartedAt: now,
      blockedUntil: lockOnFirst,
    })
    .onConflictDoUpdate({
      target: [attemptCounters.action, attemptCounters.targetHash],
      set: {
        failures: sql`case when ${stale} then 1 else ${attemptCounters.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${now} else ${attemptCounters.windowStartedAt} end`,
        blockedUntil: sql`case
          when ${stale} then ${lockOnFirst}
          when ${attemptCounters.failures} + 1 >= ${sql.placeholder('maxFailures')}::integer then coalesce(${attemptCounters.blockedUntil}, ${lockUntil})
          else ${attemptCounters.blockedUntil} end`,
      },
    })
    .returning()
    .prepare('count_attempt');
});

/**
 * Counts one more attempt, atomically (one upsert), and returns the counter after it:
 * `failures` is this attempt's ordinal in the window. The counter starts over when its
 * window or its lock has run out; reaching `maxFailures` sets `blockedUntil` (an existing
 * lock is kept, never extended, so hammering a locked target does not lock it forever).
 */
export async function countAttempt(
  db: Executor,
  key: AttemptKey,
  rule: { maxFailures: number; windowStartsAfter: Date; lockUntil: Date; now: Date },
): Promise<AttemptCounter> {
  const lockUntil = rule.lockUntil.toISOString();
  const [counter] = await attemptCount(db).execute({
    action: key.action,
    targetHash: key.targetHash,
    now: rule.now.toISOString(),
    windowStartsAfter: rule.windowStartsAfter.toISOString(),
    lockUntil,
    lockOnFirst: rule.maxFailures <= 1 ? lockUntil : null,
    maxFailures: rule.maxFailures,
  });
  return counter ?? throwNoRow();
}

export async function deleteAttemptCounter(db: Executor, key: AttemptKey): Promise<void> {
  await db.delete(attemptCounters).where(and(eq(attemptCounters.action, key.action), eq(attemptCounters.targetHash, key.targetHash)));
}

function throwNoRow(): never {
  throw new Error('The attempt counter upsert returned no row, which Postgres guarantees it does');
}
