import type { Executor } from '@/db/client';
import { consumeOneTimeToken, findOneTimeTokenByHash } from '@/db/queries/one-time-tokens';
import type { OneTimeToken } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { sha256 } from '@/lib/security/crypto';

/**
 * Redeems a magic-link token for `email` (Logto's `POST /api/one-time-tokens/verify` and
 * the Experience API's one-time-token verification). Single use: it is consumed here.
 * When the atomic consume misses, the stored row says why, with Logto's codes.
 */
export async function redeemOneTimeToken(db: Executor, input: { token: string; email: string }): Promise<OneTimeToken> {
  const tokenHash = sha256(input.token);
  const consumed = await consumeOneTimeToken(db, tokenHash, input.email.trim());
  if (consumed) return consumed;

  const found = await findOneTimeTokenByHash(db, tokenHash);
  if (!found) throw new AppError('one_time_token.token_not_found', 404, 'This link is not valid. Ask for a new one.');
  if (found.email.toLowerCase() !== input.email.trim().toLowerCase()) {
    throw new AppError('one_time_token.email_mismatch', 400, 'This link was issued for another email address.');
  }
  if (found.status === 'consumed') throw new AppError('one_time_token.token_consumed', 400, 'This link has already been used. Ask for a new one.');
  if (found.status === 'revoked') throw new AppError('one_time_token.token_revoked', 400, 'This link was revoked. Ask for a new one.');
  throw new AppError('one_time_token.token_expired', 400, 'This link has expired. Ask for a new one.');
}
