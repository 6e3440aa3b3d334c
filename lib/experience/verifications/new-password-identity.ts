import { z } from 'zod';
import { AppError, assertThat } from '@/lib/errors';
import { generateId } from '@/lib/security/ids';
import { hashPassword } from '@/lib/security/password';
import { assertPasswordMeetsPolicy } from '@/lib/sign-in-exp/password-policy';
import { assertIdentifierAvailable } from '../availability';
import { assertValidUsername, interactionIdentifierSchema, normalizeIdentifier, type InteractionIdentifier } from '../identifier';
import { guardInteractionEvent, guardSignUpIdentifier, signInExperienceOf } from '../policy';
import { addVerificationRecord, type Experience } from '../state';
import { VerificationType } from '../types';

/** Logto's NewPasswordIdentity: an identifier and a chosen password for a new account (stored hashed). */
export const newPasswordIdentityRecordSchema = z.object({
  id: z.string(),
  type: z.literal(VerificationType.NewPasswordIdentity),
  identifier: interactionIdentifierSchema,
  passwordHash: z.string(),
});
export type NewPasswordIdentityRecord = z.infer<typeof newPasswordIdentityRecordSchema>;

export const newPasswordIdentityInputSchema = z.object({
  identifier: interactionIdentifierSchema,
  password: z.string().min(1).max(1024),
});
export type NewPasswordIdentityInput = z.infer<typeof newPasswordIdentityInputSchema>;

/** What the password policy compares a new password with (`rejects.userInfo`). */
export function userInfoOf(identifier: InteractionIdentifier) {
  return { [identifier.type]: identifier.value };
}

/**
 * `POST /api/experience/verification/new-password-identity` → `{ verificationId }` (Register only).
 * A username and a password, as Logto. An email or a phone is always registered through a code
 * (the sign-in experience refuses an unverified email or phone sign-up), so those get 422.
 */
export async function createNewPasswordIdentity(experience: Experience, input: NewPasswordIdentityInput): Promise<{ verificationId: string }> {
  const identifier = normalizeIdentifier(input.identifier);
  assertThat(experience.state.interactionEvent === 'Register', 'session.invalid_interaction_type', 400, 'A new password identity is for registration.');
  await guardInteractionEvent(experience, 'Register');
  const config = await signInExperienceOf(experience);
  guardSignUpIdentifier(config, identifier.type);
  if (identifier.type !== 'username') {
    throw new AppError('user.sign_up_method_not_enabled', 422, `A new ${identifier.type} must be verified with a code.`);
  }
  assertValidUsername(identifier.value);
  await assertIdentifierAvailable(experience.db, identifier);
  assertPasswordMeetsPolicy(input.password, config.passwordPolicy, userInfoOf(identifier));

  const record: NewPasswordIdentityRecord = {
    id: generateId(),
    type: VerificationType.NewPasswordIdentity,
    identifier,
    passwordHash: await hashPassword(input.password),
  };
  await addVerificationRecord(experience, record);
  return { verificationId: record.id };
}
