import { createHmac, randomInt } from 'node:crypto';
import type { Executor } from '@/db/client';
import { countAttempt, findAttemptCounters } from '@/db/queries/attempt-counters';
import { consumeVerificationCode, countVerificationCodeAttempt, replaceVerificationCode } from '@/db/queries/verification-codes';
import { AppError } from '@/lib/errors';
import { derivedKey, safeEqual } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';

/** At most one code per recipient per minute: the countdown the code pages show on "Send a new code". */
export const CODE_RESEND_INTERVAL_SECONDS = 60;
/** And at most this many per recipient per hour, whatever the interaction or instance. */
export const CODE_SENDS_PER_HOUR = 10;

export type CodeChannel = 'email' | 'phone';

/** How long a code lives, in whole minutes, as the message and the code page say it. */
export function codeLifetimeMinutes(policy: { expirationDuration: number }): number {
  return Math.ceil(policy.expirationDuration / 60);
}

/**
 * Keyed digests: a million six-digit codes are hashed in a blink, so a plain SHA-256 in a
 * leaked table would give every code away. The key never leaves the server. The code is
 * bound to its row id, so one digest says nothing about another row.
 */
function codeDigest(id: string, code: string): string {
  return createHmac('sha256', derivedKey('verification-code')).update(`${id}:${code}`).digest('base64url');
}

/** The recipient as stored: keyed too, so the table cannot be reversed into a list of addresses. */
export function recipientDigest(channel: CodeChannel, recipient: string): string {
  const normalized = channel === 'email' ? recipient.trim().toLowerCase() : recipient.trim();
  return createHmac('sha256', derivedKey('verification-code-recipient')).update(`${channel}:${normalized}`).digest('base64url');
}

const SEND_RATE_RULES = [
  { action: 'code-send-interval', maxFailures: 1, windowSeconds: CODE_RESEND_INTERVAL_SECONDS },
  { action: 'code-send-hourly', maxFailures: CODE_SENDS_PER_HOUR, windowSeconds: 3600 },
];

/**
 * Logto's per-recipient send limit (`request.message_rate_limited`, 429), counted in the
 * database with one atomic upsert per rule, so it holds across instances and parallel requests.
 */
async function guardSendRate(db: Executor, recipientHash: string, now: Date): Promise<void> {
  for (const rule of SEND_RATE_RULES) {
    const counter = await countAttempt(
      db,
      { action: rule.action, targetHash: recipientHash },
      {
        maxFailures: rule.maxFailures,
        windowStartsAfter: new Date(now.getTime() - rule.windowSeconds * 1000),
        lockUntil: new Date(now.getTime() + rule.windowSeconds * 1000),
        now,
      },
    );
    if (counter.failures > rule.maxFailures) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((counter.blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
      throw new AppError('request.message_rate_limited', 429, `Too many codes were sent to this recipient. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  }
}

/**
 * How long until `recipient` may be sent another code (0: now), as the send limit above will
 * judge it: the code pages count this down on "Send a new code", so the button wakes up
 * exactly when the server would send again.
 */
export async function secondsUntilNextCode(db: Executor, channel: CodeChannel, recipient: string, now = new Date()): Promise<number> {
  const counters = await findAttemptCounters(db, recipientDigest(channel, recipient), SEND_RATE_RULES.map((rule) => rule.action));
  const lockedUntil = Math.max(now.getTime(), ...counters.map((counter) => counter.blockedUntil?.getTime() ?? 0));
  return Math.ceil((lockedUntil - now.getTime()) / 1000);
}

/**
 * Creates a six-digit code for `recipient` and stores only its digest, with the expiry and
 * the attempt budget of the sign-in experience's `verificationCodePolicy`. Returns the code
 * (to send, never to store) and the row id the verification record keeps.
 */
export async function issueVerificationCode(
  db: Executor,
  input: { ownerId: string; channel: CodeChannel; recipient: string; purpose: string; expiresInSeconds: number; maxAttempts: number },
): Promise<{ codeId: string; code: string }> {
  const now = new Date();
  const recipientHash = recipientDigest(input.channel, input.recipient);
  await guardSendRate(db, recipientHash, now);
  const id = generateId();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await replaceVerificationCode(
    db,
    {
      id,
      ownerId: input.ownerId,
      channel: input.channel,
      recipientHash,
      purpose: input.purpose,
      codeHash: codeDigest(id, code),
      maxAttempts: input.maxAttempts,
      expiresAt: new Date(now.getTime() + input.expiresInSeconds * 1000),
      createdAt: now,
    },
    now,
  );
  return { codeId: id, code };
}

/**
 * Checks a typed code against its row: each try counts first (atomically), the budget and
 * the expiry are checked before the comparison, and a match consumes the code, so it works once.
 * Errors are Logto's `verification_code.*` codes (400).
 */
export async function checkVerificationCode(db: Executor, codeId: string, typed: string): Promise<void> {
  const now = new Date();
  const row = await countVerificationCodeAttempt(db, codeId);
  if (!row) throw new AppError('verification_code.not_found', 400, 'No code is waiting to be checked. Ask for a new one.');
  if (row.attempts > row.maxAttempts) throw new AppError('verification_code.exceed_max_try', 400, 'Too many wrong codes. Ask for a new one.');
  if (row.expiresAt.getTime() <= now.getTime()) throw new AppError('verification_code.expired', 400, 'This code has expired. Ask for a new one.');
  // Compare digests in constant time; a malformed entry is hashed and compared all the same.
  if (!safeEqual(codeDigest(row.id, typed.trim()), row.codeHash)) {
    throw new AppError('verification_code.code_mismatch', 400, 'The code is wrong.');
  }
  if (!(await consumeVerificationCode(db, row.id, now))) {
    throw new AppError('verification_code.not_found', 400, 'This code was already used. Ask for a new one.');
  }
}
