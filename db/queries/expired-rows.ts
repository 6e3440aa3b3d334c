import { and, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../database';
import {
  accessTokens,
  attemptCounters,
  authorizationCodes,
  devMessages,
  grants,
  hookDeliveries,
  interactions,
  oidcSessions,
  oneTimeTokens,
  refreshTokens,
  verificationCodes,
} from '../schema';

/**
 * Housekeeping deletes, one bounded batch per call: the caller loops until a batch comes
 * back short. Each batch is its own statement, so a run never holds many row locks for long.
 *
 * The victims are picked by `ctid` (a Tid scan, whatever the table's key) with
 * `FOR UPDATE SKIP LOCKED`, so a row a request is working on is left for the next run
 * instead of making either side wait. The condition is repeated on the DELETE itself: if a
 * row changed between the pick and the delete (an attempt counter starting a new window),
 * PostgreSQL re-checks it against the new version and keeps it.
 */
async function deleteBatch(db: Executor, table: PgTable, where: SQL, limit: number): Promise<number> {
  const victims = db.select({ ctid: sql`ctid` }).from(table).where(where).limit(limit).for('update', { skipLocked: true });
  const deleted = await db
    .delete(table)
    .where(and(sql`ctid = any(array(${victims}))`, where))
    .returning({ one: sql`1` });
  return deleted.length;
}

export type BatchDelete = (db: Executor, limit: number) => Promise<number>;

/** Rows whose `expiresAt` is before `before`. */
const expiredBefore = (table: PgTable & { expiresAt: AnyPgColumn }, before: Date): BatchDelete => (db, limit) =>
  deleteBatch(db, table, lt(table.expiresAt, before), limit);

export const deleteInteractionsExpiredBefore = (before: Date) => expiredBefore(interactions, before);
export const deleteAuthorizationCodesExpiredBefore = (before: Date) => expiredBefore(authorizationCodes, before);
export const deleteAccessTokensExpiredBefore = (before: Date) => expiredBefore(accessTokens, before);
export const deleteRefreshTokensExpiredBefore = (before: Date) => expiredBefore(refreshTokens, before);
/** A grant past `expiresAt` authorizes nothing; its codes and tokens go with it (cascade). */
export const deleteGrantsExpiredBefore = (before: Date) => expiredBefore(grants, before);
export const deleteSessionsExpiredBefore = (before: Date) => expiredBefore(oidcSessions, before);
export const deleteVerificationCodesExpiredBefore = (before: Date) => expiredBefore(verificationCodes, before);

/**
 * Attempt counters that no longer count: the lock has ended, or (never locked) the window
 * started before `windowStartedBefore`. `countAttempt` would start such a counter over anyway.
 */
export const deleteStaleAttemptCounters =
  (cutoffs: { lockEndedBefore: Date; windowStartedBefore: Date }): BatchDelete =>
  (db, limit) =>
    deleteBatch(
      db,
      attemptCounters,
      or(
        and(isNotNull(attemptCounters.blockedUntil), lte(attemptCounters.blockedUntil, cutoffs.lockEndedBefore)),
        and(isNull(attemptCounters.blockedUntil), lt(attemptCounters.windowStartedAt, cutoffs.windowStartedBefore)),
      )!,
      limit,
    );

/**
 * One-time tokens that can no longer be redeemed and were settled before `before`: consumed,
 * revoked or marked expired then, or past their expiry since then.
 */
export const deleteSettledOneTimeTokens =
  (before: Date): BatchDelete =>
  (db, limit) =>
    deleteBatch(
      db,
      oneTimeTokens,
      or(and(ne(oneTimeTokens.status, 'active'), lt(oneTimeTokens.updatedAt, before)), lt(oneTimeTokens.expiresAt, before))!,
      limit,
    );

export const deleteDevMessagesCreatedBefore =
  (before: Date): BatchDelete =>
  (db, limit) =>
    deleteBatch(db, devMessages, lt(devMessages.createdAt, before), limit);

/** Webhook delivery records older than `before` (`GET /api/hooks/:id/recent-logs` shows a day). */
export const deleteHookDeliveriesCreatedBefore =
  (before: Date): BatchDelete =>
  (db, limit) =>
    deleteBatch(db, hookDeliveries, lt(hookDeliveries.createdAt, before), limit);
