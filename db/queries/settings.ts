import { eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { settings } from '../schema';

export async function findSetting(db: Executor, key: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.query.settings.findFirst({ where: eq(settings.key, key) });
  return row?.value;
}

export async function upsertSetting(db: Executor, key: string, value: Record<string, unknown>): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** Reads a setting and locks its row until the transaction ends, so a read-modify-write loses no concurrent update. */
export async function findSettingForUpdate(tx: Executor, key: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
  return row?.value;
}
