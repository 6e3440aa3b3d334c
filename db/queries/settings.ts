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
