import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../database';
import { hookDeliveries, hooks, type Hook, type HookDelivery } from '../schema';

export type NewHook = typeof hooks.$inferInsert;

export async function insertHook(db: Executor, hook: NewHook): Promise<Hook> {
  const [row] = await db.insert(hooks).values(hook).returning();
  return row!;
}

export function listHooks(db: Executor): Promise<Hook[]> {
  return db.select().from(hooks).orderBy(asc(hooks.createdAt), asc(hooks.id));
}

export function listEnabledHooks(db: Executor): Promise<Hook[]> {
  return db.select().from(hooks).where(eq(hooks.enabled, true));
}

export async function findHook(db: Executor, id: string): Promise<Hook | undefined> {
  const [row] = await db.select().from(hooks).where(eq(hooks.id, id));
  return row;
}

export async function updateHook(db: Executor, id: string, changes: Partial<Omit<NewHook, 'id' | 'createdAt'>>): Promise<Hook | undefined> {
  const [row] = await db.update(hooks).set(changes).where(eq(hooks.id, id)).returning();
  return row;
}

export async function deleteHook(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(hooks).where(eq(hooks.id, id)).returning({ id: hooks.id });
  return rows.length > 0;
}

export async function insertHookDelivery(db: Executor, delivery: typeof hookDeliveries.$inferInsert): Promise<void> {
  await db.insert(hookDeliveries).values(delivery);
}

/** A hook's deliveries since `since`, newest first. */
export function listHookDeliveries(db: Executor, hookId: string, since: Date, limit: number): Promise<HookDelivery[]> {
  return db
    .select()
    .from(hookDeliveries)
    .where(and(eq(hookDeliveries.hookId, hookId), gt(hookDeliveries.createdAt, since)))
    .orderBy(desc(hookDeliveries.createdAt), desc(hookDeliveries.id))
    .limit(limit);
}
