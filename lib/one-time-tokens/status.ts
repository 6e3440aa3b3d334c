import type { OneTimeTokenStatus } from '@/db/queries/one-time-tokens';
import type { OneTimeToken } from '@/db/schema';

export const ONE_TIME_TOKEN_STATUSES = ['active', 'consumed', 'revoked', 'expired'] as const satisfies readonly OneTimeTokenStatus[];

/**
 * The status a reader sees: a token stored as `active` past its `expiresAt` is `expired`.
 * Nothing has to run at the expiry instant to keep the stored status true.
 */
export function effectiveStatus(token: Pick<OneTimeToken, 'status' | 'expiresAt'>, now = new Date()): OneTimeTokenStatus {
  if (token.status === 'active' && token.expiresAt <= now) return 'expired';
  return token.status as OneTimeTokenStatus;
}
