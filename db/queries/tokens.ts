import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database';
import { accessTokens, authorizationCodes, grants, refreshTokens } from '../schema';

export async function insertAuthorizationCode(db: Executor, code: typeof authorizationCodes.$inferInsert): Promise<void> {
  await db.insert(authorizationCodes).values(code);
}

/**
 * Marks a code used and returns it, in one statement: of two concurrent redemptions
 * exactly one gets the row (RFC 6749 §4.1.2, codes are single-use).
 */
export async function consumeAuthorizationCode(db: Executor, codeHash: string, now = new Date()) {
  const [row] = await db
    .update(authorizationCodes)
    .set({ consumedAt: now })
    .where(and(eq(authorizationCodes.codeHash, codeHash), isNull(authorizationCodes.consumedAt)))
    .returning();
  return row;
}

export async function findAuthorizationCode(db: Executor, codeHash: string) {
  return db.query.authorizationCodes.findFirst({ where: eq(authorizationCodes.codeHash, codeHash) });
}

export async function insertRefreshToken(db: Executor, token: typeof refreshTokens.$inferInsert): Promise<void> {
  await db.insert(refreshTokens).values(token);
}

/** Atomic single use for rotation: of two concurrent refreshes exactly one wins (RFC 9700 §4.14.2). */
export async function consumeRefreshToken(db: Executor, tokenHash: string, now = new Date()) {
  const [row] = await db
    .update(refreshTokens)
    .set({ consumedAt: now })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.consumedAt)))
    .returning();
  return row;
}

export function findRefreshToken(db: Executor, tokenHash: string) {
  return db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, tokenHash) });
}

export async function insertAccessToken(db: Executor, token: typeof accessTokens.$inferInsert): Promise<void> {
  await db.insert(accessTokens).values(token);
}

/** An opaque access token with its grant, so one round trip answers "is it still valid?". */
export async function findAccessTokenWithGrant(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: accessTokens, grant: grants })
    .from(accessTokens)
    .innerJoin(grants, eq(grants.id, accessTokens.grantId))
    .where(eq(accessTokens.tokenHash, tokenHash));
  return row;
}

export async function findRefreshTokenWithGrant(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: refreshTokens, grant: grants })
    .from(refreshTokens)
    .innerJoin(grants, eq(grants.id, refreshTokens.grantId))
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}
