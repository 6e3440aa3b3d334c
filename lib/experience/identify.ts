import { z } from 'zod';
import { findUserByIdentifier } from '@/db/queries/users';
import { AppError, assertThat } from '@/lib/errors';
import { findActiveUser } from './active-user';
import { guardForgotPasswordChannel, guardInteractionEvent, guardSignInMethod, signInExperienceOf } from './policy';
import { registerUser } from './register';
import { requireInteractionEvent, requireVerificationRecord } from './records';
import { saveExperience, saveExperienceWhileUserActive, type Experience } from './state';
import type { VerificationRecord } from './verifications';
import { isCodeRecord } from './verifications/verification-code';

/** `verificationId` may be left out only by Register, which then builds the account from the collected profile. */
export const identificationInputSchema = z.object({ verificationId: z.string().min(1).optional() });

/**
 * `POST /api/experience/identification`: says who this interaction is about. SignIn and
 * ForgotPassword find the user a verified record names (204); Register creates the account
 * from the record and the collected profile (201, `created: true`). Codes and order follow
 * Logto's `identifyUser`.
 */
export async function identifyUser(experience: Experience, verificationId?: string): Promise<{ created: boolean }> {
  const event = requireInteractionEvent(experience);
  // The policy may have changed since the event was set.
  await guardInteractionEvent(experience, event);
  if (event === 'Register') return registerUser(experience, verificationId);

  const record = requireVerificationRecord(experience, verificationId);
  const userId = event === 'SignIn' ? await signInUserIdOf(experience, record) : await resetUserIdOf(experience, record);
  const alreadyIdentified = experience.state.identifiedUserId;
  if (alreadyIdentified && alreadyIdentified !== userId) {
    // A missing or suspended account answers first, as it would for a first identification.
    await findActiveUser(experience.db, userId);
    throw new AppError('session.identity_conflict', 409, 'This interaction already identified another user.');
  }

  // The account must still exist, unsuspended: checked in the statement that saves, and read
  // only when that check fails, to answer why.
  const identified = { ...experience.state, identifiedUserId: userId };
  if (!(await saveExperienceWhileUserActive(experience, identified, userId))) {
    await findActiveUser(experience.db, userId);
    // Active again by now (an administrator lifted a suspension in between): save plainly.
    experience.state = identified;
    await saveExperience(experience);
  }
  return { created: false };
}

async function signInUserIdOf(experience: Experience, record: VerificationRecord): Promise<string> {
  await guardSignInMethod(experience, record);
  if (record.type === 'Password') return record.userId;
  if (record.type === 'NewPasswordIdentity') throw new AppError('session.verification_failed', 400, 'This verification does not identify a user.');
  const isCode = isCodeRecord(record);
  assertThat(!isCode || record.verified, 'session.verification_failed', 400, 'Verify the code first.');
  assertThat(!isCode || record.purpose !== 'ForgotPassword', 'session.verification_failed', 400, 'A password-reset code cannot sign in.');
  const user = await findUserByIdentifier(experience.db, record.identifier);
  // As in Logto: a proven address without an account may go on to register (PUT /interaction-event).
  if (!user) throw new AppError('user.user_not_exist', 404, `No account has this ${record.identifier.type}.`);
  return user.id;
}

async function resetUserIdOf(experience: Experience, record: VerificationRecord): Promise<string> {
  if (!isCodeRecord(record)) {
    throw new AppError('session.not_supported_for_forgot_password', 422, 'Only a code sent to an email or a phone resets a password.');
  }
  guardForgotPasswordChannel(await signInExperienceOf(experience), record.identifier.type);
  assertThat(record.verified && record.purpose === 'ForgotPassword', 'session.verification_failed', 400, 'Verify a password-reset code first.');
  const user = await findUserByIdentifier(experience.db, record.identifier);
  // The account may have gone since the code was checked; answer as a wrong code would (no enumeration).
  if (!user) throw new AppError('verification_code.code_mismatch', 400, 'The code is wrong.');
  return user.id;
}
