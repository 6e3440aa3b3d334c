import { desc, gt, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../database';
import { signingKeys, type SigningKey } from '../schema';

/** Keys that sign (not retired) and keys still published during their grace period. */
const isPublished = (now: Date) => or(isNull(signingKeys.retiredAt), gt(signingKeys.expiresAt, now));

export function listPublishedSigningKeys(db: Executor, now = new Date()): Promise<SigningKey[]> {
  return db
    .select()
    .from(signingKeys)
    .where(isPublished(now))
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

/** The public facts about published keys (never the private part, not even encrypted). */
export function listSigningKeyInfo(db: Executor, now = new Date()) {
  return db
    .select({ kid: signingKeys.kid, alg: signingKeys.alg, createdAt: signingKeys.createdAt, retiredAt: signingKeys.retiredAt, expiresAt: signingKeys.expiresAt })
    .from(signingKeys)
    .where(isPublished(now))
    .orderBy(desc(signingKeys.createdAt));
}
