import { z } from 'zod';
import { findUserByIdentifier } from '@/db/queries/users';
import { AppError, assertThat } from '@/lib/errors';
import { log } from '@/lib/http/logger';
import { verificationMessageSender, type VerificationMessage } from '@/lib/messages/send';
import { findClient } from '@/lib/oidc/clients';
import { applicationDisplayName } from '@/lib/sign-in-exp/application';
import { assertEmailAllowed } from '@/lib/sign-in-exp/email-blocklist';
import { generateId } from '@/lib/security/ids';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { normalizeIdentifier, sameIdentifier, verificationCodeIdentifierSchema } from '../identifier';
import { guardCodeSignIn, guardForgotPasswordChannel, guardInteractionEvent, signInExperienceOf } from '../policy';
import { addVerificationRecord, findVerificationRecord, saveExperience, type Experience } from '../state';
import { codeVerificationTypeOf, interactionEvents, VerificationType, type InteractionEvent } from '../types';
import { checkVerificationCode, codeLifetimeMinutes, issueVerificationCode } from '../verification-codes';

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

export function isCodeRecord(record: { type: string }): record is CodeVerificationRecord {
  return record.type === VerificationType.EmailVerificationCode || record.type === VerificationType.PhoneVerificationCode;
}

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


/**
 * Which events may send a code to this channel at all (the identifier's use must be enabled).
 * A SignIn whose user is already identified sends codes only to fill in a profile the sign-up
 * settings now require (Logto's mandatory profile at submit), so the sign-up channels apply.
 */
function guardCodeUse(experience: Experience, config: SignInExperience, event: InteractionEvent, channel: 'email' | 'phone'): void {
  const signUpChannel = () =>
    assertThat(signUpChannels(config).has(channel), 'user.sign_up_method_not_enabled', 422, `Registering with a ${channel} is not enabled.`);
  switch (event) {
    case 'SignIn':
      if (experience.state.identifiedUserId) signUpChannel();
      else guardCodeSignIn(config, channel);
      return;
    case 'ForgotPassword':
      guardForgotPasswordChannel(config, channel);
      return;
    case 'Register':
      signUpChannel();
      return;
  }
}

/** The channels the sign-up settings ask for: naming the account (signUp.identifiers) or a required extra (secondaryIdentifiers). */
function signUpChannels(config: SignInExperience): Set<'email' | 'phone'> {
  const wanted = [...config.signUp.identifiers, ...config.signUp.secondaryIdentifiers.map((entry) => entry.identifier)];
  const channels = new Set<'email' | 'phone'>();
  for (const type of wanted) {
    if (type === 'email' || type === 'emailOrPhone') channels.add('email');
    if (type === 'phone' || type === 'emailOrPhone') channels.add('phone');
  }
  return channels;
}

export type SendVerificationCodeResult = {
  verificationId: string;
  /**
   * ForgotPassword for an existing account: the delivery, to run after responding (`after()`),
   * so the answer takes as long as for an address without an account. It never throws: a
   * failure is logged (without the code or the address). Absent when there is nothing to send.
   */
  deliverAfterResponse?: () => Promise<void>;
};

/**
 * `POST /api/experience/verification/verification-code` → `{ verificationId }`.
 * SignIn and Register deliver before answering, so the person hears of a failed send (502).
 * ForgotPassword answers the same, in the same time, whether or not an account has this
 * address: the same steps run either way (connector check, code issued and rate-limited, user
 * lookup), and the message goes out after the response, only when the account exists.
 */
export async function sendVerificationCode(experience: Experience, input: SendVerificationCodeInput, locale: string): Promise<SendVerificationCodeResult> {
  const { db } = experience;
  const identifier = normalizeIdentifier(input.identifier);
  const event = input.interactionEvent;
  const current = experience.state.interactionEvent;
  assertThat(!current || current === event, 'session.invalid_interaction_type', 400, `This interaction is a ${current}, not a ${event}.`);
  await guardInteractionEvent(experience, event);
  const config = await signInExperienceOf(experience);
  guardCodeUse(experience, config, event, identifier.type);
  // A blocked address learns so before a code is spent on it (registration refuses it again).
  if (event === 'Register' && identifier.type === 'email') await assertEmailAllowed(config.emailBlocklistPolicy, identifier.value);
  // Before the code is issued: with nothing to deliver through, 501 and no send counted.
  const deliver = await verificationMessageSender(db, identifier.type);

  const { codeId, code } = await issueVerificationCode(db, {
    ownerId: experience.interaction.id,
    channel: identifier.type,
    recipient: identifier.value,
    purpose: event,
    expiresInSeconds: config.verificationCodePolicy.expirationDuration,
    maxAttempts: config.verificationCodePolicy.maxRetryAttempts,
  });
  const expiresInMinutes = codeLifetimeMinutes(config.verificationCodePolicy);
  // The message names the app the person is signing in to, as the page does (the cached client).
  const client = await findClient(experience.interaction.applicationId);
  const message: VerificationMessage = {
    channel: identifier.type,
    to: identifier.value,
    purpose: event,
    locale,
    code,
    expiresInMinutes,
    ...(client ? { application: { id: client.id, name: client.name, displayName: applicationDisplayName(client) } } : {}),
  };
  let deliverAfterResponse: SendVerificationCodeResult['deliverAfterResponse'];
  if (event === 'ForgotPassword') {
    const accountExists = (await findUserByIdentifier(db, identifier)) !== undefined;
    if (accountExists) deliverAfterResponse = () => deliverInBackground(deliver, message);
  } else {
    await deliver(message);
  }

  const record: CodeVerificationRecord = { id: generateId(), type: codeVerificationTypeOf(identifier.type), identifier, purpose: event, codeId, verified: false };
  await addVerificationRecord(experience, record);
  return deliverAfterResponse ? { verificationId: record.id, deliverAfterResponse } : { verificationId: record.id };
}

/** A delivery nobody waits for: its failure is logged, never thrown (no code, no address in the log). */
async function deliverInBackground(deliver: (message: VerificationMessage) => Promise<void>, message: VerificationMessage): Promise<void> {
  try {
    await deliver(message);
  } catch (error) {
    // The error's code or name only: a provider's message may quote the address.
    const failure = error instanceof AppError ? error.code : error instanceof Error ? error.name : 'unknown';
    log('error', 'verification code delivery failed', { channel: message.channel, purpose: message.purpose, failure });
  }
}

/** `POST /api/experience/verification/verification-code/verify` → `{ verificationId }` (the same id, now verified). */
export async function verifyVerificationCode(experience: Experience, input: VerifyVerificationCodeInput): Promise<{ verificationId: string }> {
  const identifier = normalizeIdentifier(input.identifier);
  const record = findVerificationRecord(experience, input.verificationId);
  if (!record || !isCodeRecord(record)) {
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
