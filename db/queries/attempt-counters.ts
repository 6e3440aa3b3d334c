import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { attemptCounters, users, type AttemptCounter, type User } from '../schema';
import { preparedPerExecutor } from './prepared';

export type AttemptKey = { action: string; targetHash: string };
export type AttemptRule = { maxFailures: number; windowStartsAfter: Date; lockUntil: Date; now: Date };

const placeholderAt = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;

/**
 * The counting upsert (see countAttempt), built once per prepared statement below; its
 * values come from `attemptParams`. Every password verification and code send runs it.
 */
function attemptUpsert(db: Executor) {
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
    .returning();
}

function attemptParams(key: AttemptKey, rule: AttemptRule) {
  const lockUntil = rule.lockUntil.toISOString();
  return {
    action: key.action,
    targetHash: key.targetHash,
    now: rule.now.toISOString(),
    windowStartsAfter: rule.windowStartsAfter.toISOString(),
    lockUntil,
    lockOnFirst: rule.maxFailures <= 1 ? lockUntil : null,
    maxFailures: rule.maxFailures,
  };
}

// Prepared, so Drizzle builds it once (db/queries/prepared.ts).
const attemptCount = preparedPerExecutor((db) => attemptUpsert(db).prepare('count_attempt'));

/**
 * Counts one more attempt, atomically (one upsert), and returns the counter after it:
 * `failures` is this attempt's ordinal in the window. The counter starts over when its
 * window or its lock has run out; reaching `maxFailures` sets `blockedUntil` (an existing
 * lock is kept, never extended, so hammering a locked target does not lock it forever).
 */
export async function countAttempt(db: Executor, key: AttemptKey, rule: AttemptRule): Promise<AttemptCounter> {
  const [counter] = await attemptCount(db).execute(attemptParams(key, rule));
  return counter ?? throwNoRow();
}

type UserIdentifier = { type: 'username' | 'email' | 'phone'; value: string };

/** One statement per identifier type, matched as findUserByIdentifier matches it (the unique indexes' spelling). */
function attemptCountFindingUser(name: string, matches: (value: Placeholder) => SQL) {
  return preparedPerExecutor((db) => {
    const counted = db.$with('counted').as(attemptUpsert(db));
    return db
      .with(counted)
      .select({
        counter: { action: counted.action, targetHash: counted.targetHash, failures: counted.failures, windowStartedAt: counted.windowStartedAt, blockedUntil: counted.blockedUntil },
        user: users,
      })
      .from(counted)
      .leftJoin(users, matches(sql.placeholder('value')))
      .limit(1)
      .prepare(name);
  });
}

const countFindingUser = {
  username: attemptCountFindingUser('count_attempt_find_user_by_username', (value) => eq(sql`lower(${users.username})`, value)),
  email: attemptCountFindingUser('count_attempt_find_user_by_email', (value) => eq(sql`lower(${users.primaryEmail})`, value)),
  phone: attemptCountFindingUser('count_attempt_find_user_by_phone', (value) => eq(users.primaryPhone, value)),
};

/**
 * countAttempt and, in the same statement, the user `identifier` names (as findUserByIdentifier
 * finds it): a password attempt needs both, and they are independent reads of one moment.
 */
export async function countAttemptFindingUser(
  db: Executor,
  key: AttemptKey,
  rule: AttemptRule,
  identifier: UserIdentifier,
): Promise<{ counter: AttemptCounter; user: User | undefined }> {
  const value = identifier.type === 'phone' ? identifier.value : identifier.value.toLowerCase();
  const [row] = await countFindingUser[identifier.type](db).execute({ ...attemptParams(key, rule), value });
  return row ? { counter: row.counter, user: row.user ?? undefined } : throwNoRow();
}

/** The counters for these actions on one target, as stored (a read: nothing is counted). */
export async function findAttemptCounters(db: Executor, targetHash: string, actions: string[]): Promise<AttemptCounter[]> {
  return db.select().from(attemptCounters).where(and(eq(attemptCounters.targetHash, targetHash), inArray(attemptCounters.action, actions)));
}

export async function deleteAttemptCounter(db: Executor, key: AttemptKey): Promise<void> {
  await db.delete(attemptCounters).where(and(eq(attemptCounters.action, key.action), eq(attemptCounters.targetHash, key.targetHash)));
}

/** Forgets `action`'s counters of every target in `targetHashes` (an administrator's unlock). */
export async function deleteAttemptCounters(db: Executor, action: string, targetHashes: string[]): Promise<void> {
  if (targetHashes.length === 0) return;
  await db.delete(attemptCounters).where(and(eq(attemptCounters.action, action), inArray(attemptCounters.targetHash, targetHashes)));
}

function throwNoRow(): never {
  throw new Error('The attempt counter upsert returned no row, which Postgres guarantees it does');
}
