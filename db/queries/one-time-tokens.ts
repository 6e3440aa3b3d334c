import { and, count, desc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { oneTimeTokens, type OneTimeToken } from '../schema';
import type { PageSlice } from './page';

export type OneTimeTokenStatus = 'active' | 'consumed' | 'revoked' | 'expired';
export type OneTimeTokenFilter = { email?: string; status?: OneTimeTokenStatus };

export async function insertOneTimeToken(db: Executor, token: typeof oneTimeTokens.$inferInsert): Promise<OneTimeToken> {
  const [row] = await db.insert(oneTimeTokens).values(token).returning();
  return row ?? throwNoRow('insert');
}

export function findOneTimeTokenById(db: Executor, id: string): Promise<OneTimeToken | undefined> {
  return db.query.oneTimeTokens.findFirst({ where: eq(oneTimeTokens.id, id) });
}

export function findOneTimeTokenByHash(db: Executor, tokenHash: string): Promise<OneTimeToken | undefined> {
  return db.query.oneTimeTokens.findFirst({ where: eq(oneTimeTokens.tokenHash, tokenHash) });
}

/** Emails compare regardless of case, as sign-in identifiers do. */
const sameEmail = (email: string) => sql`lower(${oneTimeTokens.email}) = lower(${email})`;

/**
 * `expired` is partly derived: a token still stored as `active` whose `expiresAt` has passed
 * is expired, so the status filter has to look at the clock too.
 */
function statusWhere(status: OneTimeTokenStatus, now: Date): SQL | undefined {
  const active = eq(oneTimeTokens.status, 'active');
  if (status === 'active') return and(active, gt(oneTimeTokens.expiresAt, now));
  if (status === 'expired') return or(eq(oneTimeTokens.status, 'expired'), and(active, lte(oneTimeTokens.expiresAt, now)));
  return eq(oneTimeTokens.status, status);
}

function tokenWhere(filter: OneTimeTokenFilter, now: Date): SQL | undefined {
  return and(filter.email ? sameEmail(filter.email) : undefined, filter.status ? statusWhere(filter.status, now) : undefined);
}

/** Newest first. */
export function listOneTimeTokens(db: Executor, filter: OneTimeTokenFilter, slice: PageSlice, now = new Date()): Promise<OneTimeToken[]> {
  return db
    .select()
    .from(oneTimeTokens)
    .where(tokenWhere(filter, now))
    .orderBy(desc(oneTimeTokens.createdAt), desc(oneTimeTokens.id))
    .limit(slice.limit)
    .offset(slice.offset);
}

export async function countOneTimeTokens(db: Executor, filter: OneTimeTokenFilter, now = new Date()): Promise<number> {
  const [row] = await db.select({ total: count() }).from(oneTimeTokens).where(tokenWhere(filter, now));
  return row?.total ?? 0;
}

export async function updateOneTimeTokenStatus(db: Executor, id: string, status: OneTimeTokenStatus, now = new Date()): Promise<OneTimeToken | undefined> {
  const [row] = await db.update(oneTimeTokens).set({ status, updatedAt: now }).where(eq(oneTimeTokens.id, id)).returning();
  return row;
}

export async function deleteOneTimeToken(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(oneTimeTokens).where(eq(oneTimeTokens.id, id)).returning({ id: oneTimeTokens.id });
  return rows.length > 0;
}

/**
 * Marks the token consumed if, and only if, it is still active, unexpired and for this
 * email: one statement, so two redemptions of one link cannot both succeed.
 */
export async function consumeOneTimeToken(db: Executor, tokenHash: string, email: string, now = new Date()): Promise<OneTimeToken | undefined> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ status: 'consumed', updatedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.status, 'active'), gt(oneTimeTokens.expiresAt, now), sameEmail(email)))
    .returning();
  return row;
}

function throwNoRow(what: string): never {
  throw new Error(`The one-time token ${what} returned no row, which Postgres guarantees it does`);
}
