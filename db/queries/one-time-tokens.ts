import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { oneTimeTokens, type OneTimeToken } from '../schema';

export function findOneTimeTokenByHash(db: Executor, tokenHash: string): Promise<OneTimeToken | undefined> {
  return db.query.oneTimeTokens.findFirst({ where: eq(oneTimeTokens.tokenHash, tokenHash) });
}

/**
 * Marks the token consumed if, and only if, it is still active, unexpired and for this
 * email: one statement, so two redemptions of one link cannot both succeed.
 */
export async function consumeOneTimeToken(db: Executor, tokenHash: string, email: string, now = new Date()): Promise<OneTimeToken | undefined> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ status: 'consumed', updatedAt: now })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        eq(oneTimeTokens.status, 'active'),
        gt(oneTimeTokens.expiresAt, now),
        sql`lower(${oneTimeTokens.email}) = lower(${email})`,
      ),
    )
    .returning();
  return row;
}
