import { AppError, assertThat } from '@/lib/errors';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import type { IdentifierType } from './identifier';
import type { Experience } from './state';
import { codeVerificationTypeOf, type InteractionEvent } from './types';
import type { VerificationRecord } from './verifications';

/** The stored sign-in experience (cached 5 s): every guard reads it, so a change applies mid-interaction too. */
export function signInExperienceOf(experience: Experience): Promise<SignInExperience> {
  return getSignInExperience(experience.db);
}

/**
 * A magic link may register even where self-registration is off (Logto: one-time tokens are
 * how an operator invites people into a SignIn-only tenant). Only a redeemed link counts (a
 * verified OneTimeToken record): the `one_time_token` authorization parameter is whatever the
 * URL says, so naming a token there proves nothing until it is redeemed.
 */
export function hasOneTimeTokenGrant(experience: Experience): boolean {
  return experience.state.verificationRecords.some((record) => record.type === 'OneTimeToken' && record.verified);
}

/** Logto's `guardInteractionEvent`: `signInMode` decides which events may run. */
export async function guardInteractionEvent(experience: Experience, event: InteractionEvent): Promise<void> {
  const { signInMode, forgotPasswordMethods } = await signInExperienceOf(experience);
  switch (event) {
    case 'SignIn':
      assertThat(signInMode !== 'Register', 'auth.forbidden', 403, 'Only registration is enabled.');
      return;
    case 'Register':
      if (signInMode === 'SignIn' && !hasOneTimeTokenGrant(experience)) {
        throw new AppError('auth.forbidden', 403, 'Registration is not enabled.');
      }
      return;
    case 'ForgotPassword':
      assertThat(forgotPasswordMethods.length > 0, 'session.forgot_password_not_enabled', 422, 'Password reset is not enabled.');
      return;
  }
}

function signInMethodFor(config: SignInExperience, identifier: IdentifierType) {
  return config.signIn.methods.find((method) => method.identifier === identifier);
}

/** Logto's `guardSignInVerificationMethod`: the record's method must be an enabled way to sign in. */
export async function guardSignInMethod(experience: Experience, record: VerificationRecord): Promise<void> {
  const config = await signInExperienceOf(experience);
  switch (record.type) {
    case 'Password':
      assertThat(
        signInMethodFor(config, record.identifier.type)?.password,
        'user.sign_in_method_not_enabled',
        422,
        `Signing in with a ${record.identifier.type} and a password is not enabled.`,
      );
      return;
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
      guardCodeSignIn(config, record.identifier.type);
      return;
    case 'OneTimeToken':
      // A magic link is issued by the operator for this email: it is its own permission.
      return;
    case 'NewPasswordIdentity':
      throw new AppError('session.verification_failed', 400, 'A new-password identity registers an account; it cannot sign in.');
  }
}

export function guardCodeSignIn(config: SignInExperience, channel: 'email' | 'phone'): void {
  assertThat(
    signInMethodFor(config, channel)?.verificationCode,
    'user.sign_in_method_not_enabled',
    422,
    `Signing in with a code sent to a ${channel} is not enabled.`,
  );
}

/** Logto's `guardForgotPasswordVerificationMethod`: only the channels in `forgotPasswordMethods` reset passwords. */
export function guardForgotPasswordChannel(config: SignInExperience, channel: 'email' | 'phone'): void {
  assertThat(
    config.forgotPasswordMethods.includes(codeVerificationTypeOf(channel)),
    'session.not_supported_for_forgot_password',
    422,
    `Resetting a password with a code sent to a ${channel} is not enabled.`,
  );
}

/**
 * Sign-up identifiers (`signUp.identifiers`) are alternatives: any one of them names the new
 * account, as the defaults read ("email or username"). `secondaryIdentifiers` are required on top.
 */
export function guardSignUpIdentifier(config: SignInExperience, type: IdentifierType): void {
  assertThat(config.signUp.identifiers.includes(type), 'user.sign_up_method_not_enabled', 422, `Registering with a ${type} is not enabled.`);
}
