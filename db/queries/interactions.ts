import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { attemptCounters, interactions, users, type Interaction, type User } from '../schema';
import type { AttemptKey } from './attempt-counters';
import { preparedPerExecutor } from './prepared';

/*
 * Every step of a sign-in runs one or two of these, so the hot ones are prepared
 * (db/queries/prepared.ts): Drizzle builds each statement once instead of on every call.
 * Their jsonb values are passed as JSON text and their timestamps as ISO strings.
 */
const jsonbParam = (name: string) => sql`${sql.placeholder(name)}::jsonb`;
const timestamptzParam = (name: string) => sql`${sql.placeholder(name)}::timestamptz`;

const interactionInsert = preparedPerExecutor((db) =>
  db
    .insert(interactions)
    .values({
      id: sql.placeholder('id'),
      applicationId: sql.placeholder('applicationId'),
      params: jsonbParam('params'),
      state: jsonbParam('state'),
      createdAt: timestamptzParam('createdAt'),
      expiresAt: timestamptzParam('expiresAt'),
    })
    .prepare('insert_interaction'),
);

/** A new interaction has no result yet. */
export async function insertInteraction(db: Executor, interaction: Pick<Interaction, 'id' | 'applicationId' | 'params' | 'state' | 'createdAt' | 'expiresAt'>): Promise<void> {
  await interactionInsert(db).execute({
    id: interaction.id,
    applicationId: interaction.applicationId,
    params: JSON.stringify(interaction.params),
    state: JSON.stringify(interaction.state),
    createdAt: interaction.createdAt.toISOString(),
    expiresAt: interaction.expiresAt.toISOString(),
  });
}

// Every Experience API request starts here.
const liveInteractionById = preparedPerExecutor((db) =>
  db
    .select()
    .from(interactions)
    .where(and(eq(interactions.id, sql.placeholder('id')), gt(interactions.expiresAt, timestamptzParam('now'))))
    .limit(1)
    .prepare('find_live_interaction'),
);

export async function findLiveInteraction(db: Executor, id: string, now = new Date()): Promise<Interaction | undefined> {
  const [interaction] = await liveInteractionById(db).execute({ id, now: now.toISOString() });
  return interaction;
}

const liveInteractionWithIdentifiedUser = preparedPerExecutor((db) =>
  db
    .select({ interaction: interactions, user: users })
    .from(interactions)
    .leftJoin(users, eq(users.id, sql`${interactions.state}->>'identifiedUserId'`))
    .where(and(eq(interactions.id, sql.placeholder('id')), gt(interactions.expiresAt, timestamptzParam('now'))))
    .limit(1)
    .prepare('find_live_interaction_with_identified_user'),
);

/**
 * The live interaction and, in the same statement, the user its experience state identified:
 * null when it identified none or that account is gone.
 */
export async function findLiveInteractionWithIdentifiedUser(
  db: Executor,
  id: string,
  now = new Date(),
): Promise<{ interaction: Interaction; user: User | null } | undefined> {
  const [found] = await liveInteractionWithIdentifiedUser(db).execute({ id, now: now.toISOString() });
  return found;
}

type InteractionChanges = Partial<Pick<Interaction, 'state' | 'result' | 'params'>>;

export async function updateInteraction(db: Executor, id: string, changes: InteractionChanges): Promise<void> {
  await db.update(interactions).set(changes).where(eq(interactions.id, id));
}

const stateUpdate = preparedPerExecutor((db) =>
  db.update(interactions).set({ state: jsonbParam('state') }).where(eq(interactions.id, sql.placeholder('id'))).prepare('update_interaction_state'),
);

/** The experience's state, the one column every step writes. */
export async function updateInteractionState(db: Executor, id: string, state: Interaction['state']): Promise<void> {
  await stateUpdate(db).execute({ id, state: JSON.stringify(state) });
}

const stateUpdateWhileUserActive = preparedPerExecutor((db) =>
  db
    .update(interactions)
    .set({ state: jsonbParam('state') })
    .where(
      and(
        eq(interactions.id, sql.placeholder('id')),
        sql`exists (select 1 from ${users} where ${users.id} = ${sql.placeholder('userId')} and not ${users.isSuspended})`,
      ),
    )
    .returning({ id: interactions.id })
    .prepare('update_interaction_state_while_user_active'),
);

/**
 * Saves `state` only while `userId` names an existing, unsuspended user, in one statement
 * (the check and the write cannot be split by a suspension). False when nothing was saved.
 */
export async function updateInteractionStateWhileUserActive(db: Executor, id: string, state: Interaction['state'], userId: string): Promise<boolean> {
  const saved = await stateUpdateWhileUserActive(db).execute({ id, state: JSON.stringify(state), userId });
  return saved.length > 0;
}

const stateUpdateClearingAttempts = preparedPerExecutor((db) => {
  const clearing = db.$with('cleared_attempts', { one: sql<number>`one`.as('one') }).as(
    sql`delete from ${attemptCounters} where ${attemptCounters.action} = ${sql.placeholder('action')} and ${attemptCounters.targetHash} = ${sql.placeholder('targetHash')} returning 1 as one`,
  );
  return db
    .with(clearing)
    .update(interactions)
    .set({ state: jsonbParam('state') })
    .where(eq(interactions.id, sql.placeholder('id')))
    .prepare('update_interaction_state_clearing_attempts');
});

/** Saves `state` and forgets the attempt counter `cleared` (a guarded attempt succeeded), in one statement. */
export async function updateInteractionStateClearingAttempts(db: Executor, id: string, state: Interaction['state'], cleared: AttemptKey): Promise<void> {
  await stateUpdateClearingAttempts(db).execute({ id, state: JSON.stringify(state), action: cleared.action, targetHash: cleared.targetHash });
}

const resultUpdateAfterSignIn = preparedPerExecutor((db) => {
  const signedIn = db.$with('signed_in', { one: sql<number>`one`.as('one') }).as(
    sql`update ${users} set last_sign_in_at = ${timestamptzParam('at')} where ${users.id} = ${sql.placeholder('userId')} returning 1 as one`,
  );
  return db
    .with(signedIn)
    .update(interactions)
    .set({ result: jsonbParam('result') })
    .where(eq(interactions.id, sql.placeholder('id')))
    .prepare('update_interaction_after_sign_in');
});

/** Submit of a sign-in: the user's last sign-in and the interaction's result, in one statement. */
export async function updateInteractionAfterSignIn(db: Executor, id: string, result: NonNullable<Interaction['result']>, userId: string, at = new Date()): Promise<void> {
  await resultUpdateAfterSignIn(db).execute({ id, result: JSON.stringify(result), userId, at: at.toISOString() });
}

export async function deleteInteraction(db: Executor, id: string): Promise<void> {
  await db.delete(interactions).where(eq(interactions.id, id));
}
