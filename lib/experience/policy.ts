import { assertThat } from '@/lib/errors';
import type { IdentifierType } from './identifier';
import type { InteractionEvent } from './types';
import type { VerificationRecord } from './verifications';

/**
 * What the sign-in experience offers, checked with Logto's codes. Today it is fixed:
 * sign-in with a username or an email and a password; no self-registration and no password
 * reset yet. The sign-in experience configuration (`/api/sign-in-exp`, issue 4) replaces
 * this constant with the stored settings; the guards below keep their signatures.
 */
type SignInPolicy = {
  registrationEnabled: boolean;
  forgotPasswordEnabled: boolean;
  passwordSignInIdentifiers: readonly IdentifierType[];
};

const currentPolicy: SignInPolicy = {
  registrationEnabled: false,
  forgotPasswordEnabled: false,
  passwordSignInIdentifiers: ['username', 'email'],
};

/** Logto's `guardInteractionEvent`, plus a clear refusal of the password reset that is not built yet. */
export function guardInteractionEvent(event: InteractionEvent): void {
  switch (event) {
    case 'SignIn':
      return;
    case 'Register':
      assertThat(currentPolicy.registrationEnabled, 'auth.forbidden', 403, 'Registration is not enabled.');
      return;
    case 'ForgotPassword':
      assertThat(currentPolicy.forgotPasswordEnabled, 'session.forgot_password_not_enabled', 422, 'Password reset is not enabled.');
      return;
  }
}

/** Logto's `guardSignInVerificationMethod`: the record's method must be an enabled way to sign in. */
export function guardSignInMethod(record: VerificationRecord): void {
  switch (record.type) {
    case 'Password':
      assertThat(
        currentPolicy.passwordSignInIdentifiers.includes(record.identifier.type),
        'user.sign_in_method_not_enabled',
        422,
        `Signing in with a ${record.identifier.type} and a password is not enabled.`,
      );
      return;
  }
}
