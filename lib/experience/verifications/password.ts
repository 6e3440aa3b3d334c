import { z } from 'zod';
import { countAttemptFindingUser, deleteAttemptCounter } from '@/db/queries/attempt-counters';
import { replacePasswordHash } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { attemptPolicyOf, runGuardedAttemptReading } from '@/lib/security/attempt-guard';
import { generateId } from '@/lib/security/ids';
import { hashPassword, passwordNeedsUpgrade, verifyPassword } from '@/lib/security/password';
import { interactionIdentifierSchema, normalizedIdentifier } from '../identifier';
import { signInExperienceOf } from '../policy';
import { addVerificationRecord, type Experience } from '../state';
import { VerificationType } from '../types';

/** A password that matched: stored only once verified, so `verified` is always true here. */
export const passwordRecordSchema = z.object({
  id: z.string(),
  type: z.literal(VerificationType.Password),
  identifier: interactionIdentifierSchema,
  verified: z.literal(true),
  userId: z.string(),
});
export type PasswordVerificationRecord = z.infer<typeof passwordRecordSchema>;

export const passwordVerificationInputSchema = z.object({
  identifier: interactionIdentifierSchema,
  // argon2 takes any length, but a megabyte "password" is an attack on the CPU, not a password.
  password: z.string().min(1).max(1024),
});
export type PasswordVerificationInput = z.infer<typeof passwordVerificationInputSchema>;

export const INVALID_CREDENTIALS = 'session.invalid_credentials';

/**
 * `POST /api/experience/verification/password` and the sign-in page's first step.
 *
 * An unknown identifier, a user without a password and a wrong password take the same
 * path: one user lookup, one argon2 verification (against a dummy hash when there is no
 * hash), one counted failure, the same 422. A suspended user hears so only after the
 * right password, so suspension is not revealed to guessers.
 */
export async function verifyPasswordIdentity(experience: Experience, input: PasswordVerificationInput): Promise<{ verificationId: string }> {
  const { db } = experience;
  const { sentinelPolicy } = await signInExperienceOf(experience);
  const { result: user, counterToClear } = await runGuardedAttemptReading(
    { action: 'password', target: normalizedIdentifier(input.identifier), policy: attemptPolicyOf(sentinelPolicy) },
    // The account is looked up by the statement that counts the attempt.
    async (key, rule) => {
      const { counter, user: found } = await countAttemptFindingUser(db, key, rule, input.identifier);
      return { counter, read: found };
    },
    async (found) => {
      const matches = await verifyPassword(found?.passwordHash, input.password);
      if (!found || !matches) throw new AppError(INVALID_CREDENTIALS, 422, 'The identifier or the password is wrong.');
      return found;
    },
  );
  if (user.isSuspended) {
    // The right password: the failure count starts over, as for any other account.
    await deleteAttemptCounter(db, counterToClear);
    throw new AppError('user.suspended', 401, 'This account is suspended.');
  }

  // An imported digest (or an older argon2 cost) becomes today's argon2id with the password just proven.
  if (user.passwordHash && passwordNeedsUpgrade(user.passwordHash)) {
    await replacePasswordHash(db, user.id, user.passwordHash, await hashPassword(input.password));
  }

  const record: PasswordVerificationRecord = {
    id: generateId(),
    type: VerificationType.Password,
    identifier: input.identifier,
    verified: true,
    userId: user.id,
  };
  // The counter of this success is deleted in the same statement that stores the record.
  await addVerificationRecord(experience, record, { clearingAttempts: counterToClear });
  return { verificationId: record.id };
}
