import { desc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../database';
import { signingKeys, type SigningKey } from '../schema';

/** Keys that sign (not retired) and keys still published during their grace period. */
export function listPublishedSigningKeys(db: Executor, now = new Date()): Promise<SigningKey[]> {
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.expiresAt, now)))
    .orderBy(desc(signingKeys.createdAt));
}

export async function insertSigningKey(db: Executor, key: typeof signingKeys.$inferInsert): Promise<void> {
  await db.insert(signingKeys).values(key);
}

export async function retireActiveSigningKeys(db: Executor, now: Date, expiresAt: Date): Promise<void> {
  await db.update(signingKeys).set({ retiredAt: now, expiresAt }).where(isNull(signingKeys.retiredAt));
}

export async function deleteExpiredSigningKeys(db: Executor, now = new Date()): Promise<void> {
  await db.delete(signingKeys).where(lte(signingKeys.expiresAt, now));
}
