import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { attemptCounters, type AttemptCounter } from '../schema';

export type AttemptKey = { action: string; targetHash: string };

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
  const now = sql`${rule.now.toISOString()}::timestamptz`;
  const lockUntil = sql`${rule.lockUntil.toISOString()}::timestamptz`;
  const stale = sql`(${attemptCounters.blockedUntil} <= ${now} or (${attemptCounters.blockedUntil} is null and ${attemptCounters.windowStartedAt} <= ${rule.windowStartsAfter.toISOString()}::timestamptz))`;
  const lockOnFirst = rule.maxFailures <= 1 ? lockUntil : sql`null::timestamptz`;
  const [counter] = await db
    .insert(attemptCounters)
    .values({ ...key, failures: 1, windowStartedAt: rule.now, blockedUntil: rule.maxFailures <= 1 ? rule.lockUntil : null })
    .onConflictDoUpdate({
      target: [attemptCounters.action, attemptCounters.targetHash],
      set: {
        failures: sql`case when ${stale} then 1 else ${attemptCounters.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${now} else ${attemptCounters.windowStartedAt} end`,
        blockedUntil: sql`case
          when ${stale} then ${lockOnFirst}
          when ${attemptCounters.failures} + 1 >= ${rule.maxFailures} then coalesce(${attemptCounters.blockedUntil}, ${lockUntil})
          else ${attemptCounters.blockedUntil} end`,
      },
    })
    .returning();
  return counter ?? throwNoRow();
}

export async function deleteAttemptCounter(db: Executor, key: AttemptKey): Promise<void> {
  await db.delete(attemptCounters).where(and(eq(attemptCounters.action, key.action), eq(attemptCounters.targetHash, key.targetHash)));
}

function throwNoRow(): never {
  throw new Error('The attempt counter upsert returned no row, which Postgres guarantees it does');
}
