import type { Executor } from '@/db/client';
import { consumeOneTimeToken, findOneTimeTokenByHash } from '@/db/queries/one-time-tokens';
import type { OneTimeToken } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { sha256 } from '@/lib/security/crypto';

/**
 * Redeems a magic-link token for `email` (Logto's `POST /api/one-time-tokens/verify` and
 * the Experience API's one-time-token verification). Single use: it is consumed here, in one
 * conditional update, so of two concurrent redemptions exactly one wins.
 * When the atomic consume misses, the stored row says why, in Logto's order and codes
 * (email, then expiry, then consumed or revoked).
 */
export async function redeemOneTimeToken(db: Executor, input: { token: string; email: string }): Promise<OneTimeToken> {
  const tokenHash = sha256(input.token);
  const now = new Date();
  const consumed = await consumeOneTimeToken(db, tokenHash, input.email.trim(), now);
  if (consumed) return consumed;

  const found = await findOneTimeTokenByHash(db, tokenHash);
  if (!found) throw new AppError('one_time_token.token_not_found', 404, 'This link is not valid. Ask for a new one.');
  if (found.email.toLowerCase() !== input.email.trim().toLowerCase()) {
    throw new AppError('one_time_token.email_mismatch', 400, 'This link was issued for another email address.');
  }
  // Logto checks expiry before the other states: a used link past its lifetime reads as expired.
  if (found.status === 'expired' || found.expiresAt <= now) {
    throw new AppError('one_time_token.token_expired', 400, 'This link has expired. Ask for a new one.');
  }
  if (found.status === 'revoked') throw new AppError('one_time_token.token_revoked', 400, 'This link was revoked. Ask for a new one.');
  // `consumed`, or a concurrent redemption that won between the update and this read.
  throw new AppError('one_time_token.token_consumed', 400, 'This link has already been used. Ask for a new one.');
}
