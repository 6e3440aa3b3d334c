import type { z } from 'zod';
import { getDb } from '@/db/client';
import {
  countOneTimeTokens,
  deleteOneTimeToken,
  findOneTimeTokenById,
  insertOneTimeToken,
  listOneTimeTokens,
  updateOneTimeTokenStatus,
} from '@/db/queries/one-time-tokens';
import type { OneTimeToken } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { epochMs } from '@/lib/management/dates';
import { assertFound, found } from '@/lib/management/errors';
import { paginate } from '@/lib/management/pagination';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import type { createOneTimeTokenBody, listOneTimeTokensQuery, updateOneTimeTokenStatusBody, verifyOneTimeTokenBody } from './schemas';
import { effectiveStatus } from './status';
import { redeemOneTimeToken } from './verify';

const ENTITY = 'one-time token';

/**
 * Logto's one-time-token shape. Only the token's digest is stored, so `token` is present only
 * where the caller already holds it: in the answer to its creation and to its verification.
 */
export function oneTimeTokenResponse(row: OneTimeToken, token?: string, now = new Date()) {
  return {
    id: row.id,
    email: row.email,
    ...(token !== undefined && { token }),
    context: row.context,
    status: effectiveStatus(row, now),
    createdAt: epochMs(row.createdAt),
    expiresAt: epochMs(row.expiresAt),
  };
}

/** A 256-bit random token (Logto's are 32 random characters, ~190 bits). */
export async function createOneTimeToken({ email, expiresIn, context }: z.infer<typeof createOneTimeTokenBody>) {
  const token = randomToken();
  const now = new Date();
  const row = await insertOneTimeToken(await getDb(), {
    id: generateId(),
    email,
    tokenHash: sha256(token),
    context,
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
  });
  return oneTimeTokenResponse(row, token, now);
}

export async function listOneTimeTokenPage({ email, status, ...pagination }: z.infer<typeof listOneTimeTokensQuery>) {
  const db = await getDb();
  const now = new Date();
  const filter = { email, status };
  return paginate(
    pagination,
    { list: (slice) => listOneTimeTokens(db, filter, slice, now), count: () => countOneTimeTokens(db, filter, now) },
    (row) => oneTimeTokenResponse(row, undefined, now),
  );
}

export async function loadOneTimeToken(id: string) {
  return oneTimeTokenResponse(found(await findOneTimeTokenById(await getDb(), id), ENTITY, id));
}

/**
 * As in Logto, a token can be moved to any state but `active`: reviving a consumed or
 * revoked link would make a used magic link work again.
 */
export async function changeOneTimeTokenStatus(id: string, { status }: z.infer<typeof updateOneTimeTokenStatusBody>) {
  const db = await getDb();
  found(await findOneTimeTokenById(db, id), ENTITY, id);
  if (status === 'active') throw new AppError('one_time_token.cannot_reactivate_token', 400, 'A one-time token cannot be reactivated.');
  return oneTimeTokenResponse(found(await updateOneTimeTokenStatus(db, id, status), ENTITY, id));
}

export async function removeOneTimeToken(id: string): Promise<void> {
  assertFound(await deleteOneTimeToken(await getDb(), id), ENTITY, id);
}

/** `POST /api/one-time-tokens/verify`: redeems (consumes) the token and answers with its record. */
export async function verifyOneTimeToken(input: z.infer<typeof verifyOneTimeTokenBody>) {
  return oneTimeTokenResponse(await redeemOneTimeToken(await getDb(), input), input.token);
}
