import { z } from 'zod';
import { findUserByIdentifier } from '@/db/queries/users';
import { AppError, assertThat } from '@/lib/errors';
import { sendVerificationMessage } from '@/lib/messages/send';
import { generateId } from '@/lib/security/ids';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { normalizeIdentifier, sameIdentifier, verificationCodeIdentifierSchema } from '../identifier';
import { guardCodeSignIn, guardForgotPasswordChannel, guardInteractionEvent, signInExperienceOf } from '../policy';
import { addVerificationRecord, findVerificationRecord, saveExperience, type Experience } from '../state';
import { interactionEvents, VerificationType, type InteractionEvent } from '../types';
import { checkVerificationCode, issueVerificationCode } from '../verification-codes';

/** Logto's EmailVerificationCode / PhoneVerificationCode records: a code was sent, and maybe typed back. */
export const codeRecordSchema = z.object({
  id: z.string(),
  type: z.enum([VerificationType.EmailVerificationCode, VerificationType.PhoneVerificationCode]),
  identifier: verificationCodeIdentifierSchema,
  /** The event the code was sent for: a password-reset code proves nothing for signing in, and back. */
  purpose: z.enum(interactionEvents),
  /** The `verification_codes` row; the code itself is never kept. */
  codeId: z.string(),
  verified: z.boolean(),
});
export type CodeVerificationRecord = z.infer<typeof codeRecordSchema>;

export const sendVerificationCodeInputSchema = z.object({
  identifier: verificationCodeIdentifierSchema,
  interactionEvent: z.enum(interactionEvents),
});
export type SendVerificationCodeInput = z.infer<typeof sendVerificationCodeInputSchema>;

export const verifyVerificationCodeInputSchema = z.object({
  identifier: verificationCodeIdentifierSchema,
  verificationId: z.string().min(1),
  code: z.string().trim().min(1).max(32),
});
export type VerifyVerificationCodeInput = z.infer<typeof verifyVerificationCodeInputSchema>;

const recordType = (channel: 'email' | 'phone') => (channel === 'email' ? VerificationType.EmailVerificationCode : VerificationType.PhoneVerificationCode);

/** Which events may send a code to this channel at all (the identifier's use must be enabled). */
function guardCodeUse(config: SignInExperience, event: InteractionEvent, channel: 'email' | 'phone'): void {
  switch (event) {
    case 'SignIn':
      guardCodeSignIn(config, channel);
      return;
    case 'ForgotPassword':
      guardForgotPasswordChannel(config, channel);
      return;
    case 'Register': {
      // The channel may name the account (signUp.identifiers) or be a required extra (secondaryIdentifiers).
      const wanted = [...config.signUp.identifiers, ...config.signUp.secondaryIdentifiers.map((entry) => entry.identifier)];
      assertThat(wanted.includes(channel) || wanted.includes('emailOrPhone'), 'user.sign_up_method_not_enabled', 422, `Registering with a ${channel} is not enabled.`);
      return;
    }
  }
}

/**
 * `POST /api/experience/verification/verification-code` → `{ verificationId }`.
 * For ForgotPassword the answer is the same whether or not an account has this address:
 * the code is issued (and rate-limited) either way, and only sent when the account exists.
 */
export async function sendVerificationCode(
  experience: Experience,
  input: SendVerificationCodeInput,
  locale: string,
): Promise<{ verificationId: string }> {
  const { db } = experience;
  const identifier = normalizeIdentifier(input.identifier);
  const event = input.interactionEvent;
  const current = experience.state.interactionEvent;
  assertThat(!current || current === event, 'session.invalid_interaction_type', 400, `This interaction is a ${current}, not a ${event}.`);
  await guardInteractionEvent(experience, event);
  const config = await signInExperienceOf(experience);
  guardCodeUse(config, event, identifier.type);

  const { codeId, code } = await issueVerificationCode(db, {
    ownerId: experience.interaction.id,
    channel: identifier.type,
    recipient: identifier.value,
    purpose: event,
    expiresInSeconds: config.verificationCodePolicy.expirationDuration,
    maxAttempts: config.verificationCodePolicy.maxRetryAttempts,
  });
  const deliver = event !== 'ForgotPassword' || (await findUserByIdentifier(db, identifier)) !== undefined;
  if (deliver) await sendVerificationMessage(db, { channel: identifier.type, to: identifier.value, purpose: event, locale, code });

  const record: CodeVerificationRecord = { id: generateId(), type: recordType(identifier.type), identifier, purpose: event, codeId, verified: false };
  await addVerificationRecord(experience, record);
  return { verificationId: record.id };
}

/** `POST /api/experience/verification/verification-code/verify` → `{ verificationId }` (the same id, now verified). */
export async function verifyVerificationCode(experience: Experience, input: VerifyVerificationCodeInput): Promise<{ verificationId: string }> {
  const identifier = normalizeIdentifier(input.identifier);
  const record = findVerificationRecord(experience, input.verificationId);
  if (!record || (record.type !== 'EmailVerificationCode' && record.type !== 'PhoneVerificationCode')) {
    throw new AppError('session.verification_session_not_found', 404, 'No code verification with this id in this interaction.');
  }
  assertThat(sameIdentifier(record.identifier, identifier), 'verification_code.not_found', 400, 'No code was sent to this identifier here.');

  await checkVerificationCode(experience.db, record.codeId, input.code);
  // Since Logto 1.39 a reset for an unknown address fails like a wrong code: no account enumeration.
  if (record.purpose === 'ForgotPassword' && !(await findUserByIdentifier(experience.db, identifier))) {
    throw new AppError('verification_code.code_mismatch', 400, 'The code is wrong.');
  }

  const verified: CodeVerificationRecord = { ...record, verified: true };
  experience.state = {
    ...experience.state,
    verificationRecords: experience.state.verificationRecords.map((existing) => (existing.id === record.id ? verified : existing)),
  };
  await saveExperience(experience);
  return { verificationId: record.id };
}
