import type { Executor } from '@/db/client';
import {
  deleteAccessTokensExpiredBefore,
  deleteAuthorizationCodesExpiredBefore,
  deleteDevMessagesCreatedBefore,
  deleteGrantsExpiredBefore,
  deleteHookDeliveriesCreatedBefore,
  deleteInteractionsExpiredBefore,
  deleteRefreshTokensExpiredBefore,
  deleteSessionsExpiredBefore,
  deleteSettledOneTimeTokens,
  deleteStaleAttemptCounters,
  deleteVerificationCodesExpiredBefore,
  type BatchDelete,
} from '@/db/queries/expired-rows';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long rows are kept after they stopped being usable, and why.
 * - Authorization codes: a replayed code revokes the grant it produced (RFC 6749 §4.1.2),
 *   which needs the code's row; an hour covers any plausible replay.
 * - Attempt counters: a counter still inside its window keeps counting; a day is longer than
 *   any attempt policy's window (the default is an hour), so no live count is ever dropped.
 * - Verification codes: a day, so a code outlives the interaction that sent it (an hour) and
 *   any per-recipient sending limit that counts recent codes.
 * - One-time tokens: a week of history for operators listing them.
 * - Development mailbox: a day.
 * - Webhook deliveries: a day, what the recent log shows.
 */
export const RETENTION_MS = {
  authorizationCodes: HOUR_MS,
  attemptCounterWindow: DAY_MS,
  verificationCodes: DAY_MS,
  oneTimeTokens: 7 * DAY_MS,
  devMessages: DAY_MS,
  hookDeliveries: DAY_MS,
} as const;

export type CleanupCounts = {
  authorizationCodes: number;
  accessTokens: number;
  refreshTokens: number;
  grants: number;
  interactions: number;
  sessions: number;
  attemptCounters: number;
  verificationCodes: number;
  oneTimeTokens: number;
  devMessages: number;
  hookDeliveries: number;
};

/** Per table and run: 500 rows a statement, at most 200 statements (100 000 rows); the next run goes on. */
export type CleanupLimits = { batchSize: number; maxBatches: number };
export const DEFAULT_CLEANUP_LIMITS: CleanupLimits = { batchSize: 500, maxBatches: 200 };

/** What each table's cleanup deletes at `now`. Tokens go before their grants, so each count is the table's own. */
function plan(now: Date): Record<keyof CleanupCounts, BatchDelete> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return {
    authorizationCodes: deleteAuthorizationCodesExpiredBefore(ago(RETENTION_MS.authorizationCodes)),
    accessTokens: deleteAccessTokensExpiredBefore(now),
    // Past the absolute expiry, which rotation carries over to the next token.
    refreshTokens: deleteRefreshTokensExpiredBefore(now),
    grants: deleteGrantsExpiredBefore(now),
    interactions: deleteInteractionsExpiredBefore(now),
    sessions: deleteSessionsExpiredBefore(now),
    attemptCounters: deleteStaleAttemptCounters({ lockEndedBefore: now, windowStartedBefore: ago(RETENTION_MS.attemptCounterWindow) }),
    verificationCodes: deleteVerificationCodesExpiredBefore(ago(RETENTION_MS.verificationCodes)),
    oneTimeTokens: deleteSettledOneTimeTokens(ago(RETENTION_MS.oneTimeTokens)),
    devMessages: deleteDevMessagesCreatedBefore(ago(RETENTION_MS.devMessages)),
    hookDeliveries: deleteHookDeliveriesCreatedBefore(ago(RETENTION_MS.hookDeliveries)),
  };
}

/**
 * Deletes rows that can no longer be used by anyone, table by table in bounded batches
 * (each its own short statement, never one long transaction), and returns the counts.
 */
export async function deleteExpiredRows(db: Executor, now = new Date(), limits = DEFAULT_CLEANUP_LIMITS): Promise<CleanupCounts> {
  const counts = {} as CleanupCounts;
  for (const [table, deleteOneBatch] of Object.entries(plan(now)) as [keyof CleanupCounts, BatchDelete][]) {
    counts[table] = 0;
    for (let batch = 0; batch < limits.maxBatches; batch++) {
      const deleted = await deleteOneBatch(db, limits.batchSize);
      counts[table] += deleted;
      if (deleted < limits.batchSize) break;
    }
  }
  return counts;
}
