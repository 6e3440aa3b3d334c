import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../database';
import { interactions, type Interaction } from '../schema';

export async function insertInteraction(db: Executor, interaction: typeof interactions.$inferInsert): Promise<void> {
  await db.insert(interactions).values(interaction);
}

export function findLiveInteraction(db: Executor, id: string, now = new Date()): Promise<Interaction | undefined> {
  return db.query.interactions.findFirst({ where: and(eq(interactions.id, id), gt(interactions.expiresAt, now)) });
}

export async function updateInteraction(
  db: Executor,
  id: string,
  changes: Partial<Pick<Interaction, 'state' | 'result' | 'params'>>,
): Promise<void> {
  await db.update(interactions).set(changes).where(eq(interactions.id, id));
}

export async function deleteInteraction(db: Executor, id: string): Promise<void> {
  await db.delete(interactions).where(eq(interactions.id, id));
}
