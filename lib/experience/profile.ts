import { z } from 'zod';
import type { User } from '@/db/schema';
import { AppError, assertThat } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/security/password';
import { assertEmailAllowed } from '@/lib/sign-in-exp/email-blocklist';
import { checkProfileValues } from '@/lib/sign-in-exp/profile-fields';
import { getProfileFields } from '@/lib/sign-in-exp/profile-fields-store';
import { assertPasswordMeetsPolicy, type PasswordUserInfo } from '@/lib/sign-in-exp/password-policy';
import { findActiveUser, requireIdentifiedUser } from './active-user';
import { assertIdentifierAvailable } from './availability';
import { assertValidUsername } from './identifier';
import { guardInteractionEvent, signInExperienceOf } from './policy';
import type { PendingProfile } from './profile-state';
import { requireInteractionEvent, requireVerificationRecord } from './records';
import { saveExperience, type Experience } from './state';
import { codeVerificationTypeOf } from './types';

export const addProfileInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('username'), value: z.string().trim().min(1).max(128) }),
  z.object({ type: z.literal('password'), value: z.string().min(1).max(1024) }),
  z.object({ type: z.enum(['email', 'phone']), verificationId: z.string().min(1) }),
  // Answers to the operator's profile fields ("Tell us about yourself"), by field name.
  z.object({ type: z.literal('extraProfile'), values: z.record(z.string(), z.unknown()) }),
]);
export type AddProfileInput = z.infer<typeof addProfileInputSchema>;

function userInfo(profile: PendingProfile, user: User | undefined): PasswordUserInfo {
  return {
    username: profile.username ?? user?.username,
    email: profile.primaryEmail ?? user?.primaryEmail,
    phone: profile.primaryPhone ?? user?.primaryPhone,
    name: user?.name,
  };
}

/**
 * `POST /api/experience/profile` (204): one more piece of profile for a new account (before
 * Register's identification) or for the identified user (written at submit). Emails and phones
 * come from a verified code record, so they are always proven.
 */
export async function addProfile(experience: Experience, input: AddProfileInput): Promise<void> {
  const event = requireInteractionEvent(experience);
  if (event === 'ForgotPassword') throw new AppError('session.not_supported_for_forgot_password', 400, 'Use PUT /profile/password to reset a password.');
  await guardInteractionEvent(experience, event);
  const { db } = experience;
  // A sign-in adds to the account it identified (as Logto): a profile collected before would be
  // written over whatever the account already has, past the `*_exists_in_profile` checks below.
  const user =
    event === 'SignIn'
      ? await requireIdentifiedUser(experience)
      : experience.state.identifiedUserId
        ? await findActiveUser(db, experience.state.identifiedUserId)
        : undefined;
  const profile: PendingProfile = { ...experience.state.profile };

  switch (input.type) {
    case 'extraProfile': {
      // Asked of a new account only: an existing one changes its profile elsewhere (the account center).
      assertThat(event === 'Register' && !user, 'session.invalid_interaction_type', 400, 'Profile fields are answered while registering, before the account is created.');
      const { values, problems } = checkProfileValues(await getProfileFields(db), input.values);
      if (Object.keys(problems).length > 0) throw new AppError('guard.invalid_input', 400, `Check these fields: ${Object.keys(problems).join(', ')}.`, { problems });
      profile.extraProfile = values;
      break;
    }
    case 'username': {
      assertThat(!user?.username, 'user.username_exists_in_profile', 422, 'This account already has a username.');
      assertValidUsername(input.value);
      await assertIdentifierAvailable(db, { type: 'username', value: input.value });
      profile.username = input.value;
      break;
    }
    case 'password': {
      assertThat(!user?.passwordHash, 'user.password_exists_in_profile', 422, 'This account already has a password.');
      const config = await signInExperienceOf(experience);
      assertPasswordMeetsPolicy(input.value, config.passwordPolicy, userInfo(profile, user));
      profile.passwordHash = await hashPassword(input.value);
      break;
    }
    case 'email':
    case 'phone': {
      const record = requireVerificationRecord(experience, input.verificationId);
      assertThat(record.type === codeVerificationTypeOf(input.type) && record.verified, 'session.verification_failed', 400, `Verify the ${input.type} with a code first.`);
      assertThat(!(input.type === 'email' ? user?.primaryEmail : user?.primaryPhone), `user.${input.type}_exists_in_profile`, 422, `This account already has a ${input.type}.`);
      await assertIdentifierAvailable(db, record.identifier);
      if (input.type === 'email') {
        await assertEmailAllowed((await signInExperienceOf(experience)).emailBlocklistPolicy, record.identifier.value);
        profile.primaryEmail = record.identifier.value;
      } else profile.primaryPhone = record.identifier.value;
      break;
    }
  }
  experience.state = { ...experience.state, profile };
  await saveExperience(experience);
}

/** The body of `PUT /api/experience/profile/password`. */
export const resetPasswordInputSchema = z.object({ password: z.string().min(1).max(1024) });

/**
 * `PUT /api/experience/profile/password` (204, ForgotPassword only): the new password, checked
 * against the policy and the current one (`user.same_password`), kept hashed until submit.
 */
export async function resetPassword(experience: Experience, password: string): Promise<void> {
  const event = requireInteractionEvent(experience);
  assertThat(event === 'ForgotPassword', 'session.invalid_interaction_type', 400, 'Only a password reset sets a new password here.');
  await guardInteractionEvent(experience, event);
  const user = await requireIdentifiedUser(experience);
  const config = await signInExperienceOf(experience);
  assertPasswordMeetsPolicy(password, config.passwordPolicy, userInfo({}, user));
  // verifyPassword runs argon2 even without a stored hash, so this step costs the same for everyone.
  if (await verifyPassword(user.passwordHash, password)) throw new AppError('user.same_password', 422, 'Choose a password different from the current one.');
  experience.state = { ...experience.state, profile: { passwordHash: await hashPassword(password) } };
  await saveExperience(experience);
}
