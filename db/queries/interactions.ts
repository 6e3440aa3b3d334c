import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { attemptCounters, interactions, users, type Interaction } from '../schema';
import type { AttemptKey } from './attempt-counters';
import { preparedPerExecutor } from './prepared';

export async function insertInteraction(db: Executor, interaction: typeof interactions.$inferInsert): Promise<void> {
  await db.insert(interactions).values(interaction);
}

// Every Experience API request starts here.
const liveInteractionById = preparedPerExecutor((db) =>
  db
    .select()
    .from(interactions)
    .where(and(eq(interactions.id, sql.placeholder('id')), gt(interactions.expiresAt, sql`${sql.placeholder('now')}::timestamptz`)))
    .limit(1)
    .prepare('find_live_interaction'),
);

export async function findLiveInteraction(db: Executor, id: string, now = new Date()): Promise<Interaction | undefined> {
  const [interaction] = await liveInteractionById(db).execute({ id, now: now.toISOString() });
  return interaction;
}

type InteractionChanges = Partial<Pick<Interaction, 'state' | 'result' | 'params'>>;

export async function updateInteraction(db: Executor, id: string, changes: InteractionChanges): Promise<void> {
  await db.update(interactions).set(changes).where(eq(interactions.id, id));
}

/**
 * Saves `changes` only while `userId` names an existing, unsuspended user, in one statement
 * (the check and the write cannot be split by a suspension). False when nothing was saved.
 */
export async function updateInteractionWhileUserActive(db: Executor, id: string, changes: InteractionChanges, userId: string): Promise<boolean> {
  const saved = await db
    .update(interactions)
    .set(changes)
    .where(and(eq(interactions.id, id), sql`exists (select 1 from ${users} where ${users.id} = ${userId} and not ${users.isSuspended})`))
    .returning({ id: interactions.id });
  return saved.length > 0;
}

/** Saves `changes` and forgets the attempt counter `cleared` (a guarded attempt succeeded), in one statement. */
export async function updateInteractionClearingAttempts(db: Executor, id: string, changes: InteractionChanges, cleared: AttemptKey): Promise<void> {
  const clearing = db.$with('cleared_attempts', { one: sql<number>`one`.as('one') }).as(
    sql`delete from ${attemptCounters} where ${attemptCounters.action} = ${cleared.action} and ${attemptCounters.targetHash} = ${cleared.targetHash} returning 1 as one`,
  );
  await db.with(clearing).update(interactions).set(changes).where(eq(interactions.id, id));
}

/** Submit of a sign-in: the user's last sign-in and the interaction's result, in one statement. */
export async function updateInteractionAfterSignIn(db: Executor, id: string, result: Interaction['result'], userId: string, at = new Date()): Promise<void> {
  const signedIn = db.$with('signed_in', { one: sql<number>`one`.as('one') }).as(
    sql`update ${users} set last_sign_in_at = ${at.toISOString()}::timestamptz where ${users.id} = ${userId} returning 1 as one`,
  );
  await db.with(signedIn).update(interactions).set({ result }).where(eq(interactions.id, id));
}

export async function deleteInteraction(db: Executor, id: string): Promise<void> {
  await db.delete(interactions).where(eq(interactions.id, id));
}
