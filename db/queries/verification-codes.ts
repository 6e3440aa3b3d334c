import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { verificationCodes, type VerificationCode } from '../schema';

/**
 * Stores a new code and retires the earlier unused ones of the same interaction, recipient
 * and purpose in one transaction: after a resend, only the newest code works.
 */
export async function replaceVerificationCode(db: Executor, code: typeof verificationCodes.$inferInsert, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(verificationCodes)
      .set({ consumedAt: now })
      .where(
        and(
          eq(verificationCodes.ownerId, code.ownerId),
          eq(verificationCodes.recipientHash, code.recipientHash),
          eq(verificationCodes.purpose, code.purpose),
          isNull(verificationCodes.consumedAt),
        ),
      );
    await tx.insert(verificationCodes).values(code);
  });
}

/**
 * Counts one attempt on an unused code and returns the row after it, in one statement:
 * parallel guesses each get their own ordinal, so none sees "0 tries so far".
 * Undefined when the code does not exist or was already used (or replaced).
 */
export async function countVerificationCodeAttempt(db: Executor, id: string): Promise<VerificationCode | undefined> {
  const [row] = await db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.consumedAt)))
    .returning();
  return row;
}

/** Marks the code used if nobody did first; false when another request won the race. */
export async function consumeVerificationCode(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(verificationCodes)
    .set({ consumedAt: now })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.consumedAt)))
    .returning({ id: verificationCodes.id });
  return rows.length > 0;
}
