/** Logto's `InteractionEvent`: what the person came to do in this interaction. */
export const interactionEvents = ['SignIn', 'Register', 'ForgotPassword'] as const;
export type InteractionEvent = (typeof interactionEvents)[number];

/**
 * Logto's `VerificationType` values, as methods are built: one file each in
 * verifications/ (Social, Totp, WebAuthn, ... next).
 */
export const VerificationType = {
  Password: 'Password',
  EmailVerificationCode: 'EmailVerificationCode',
  PhoneVerificationCode: 'PhoneVerificationCode',
  NewPasswordIdentity: 'NewPasswordIdentity',
  OneTimeToken: 'OneTimeToken',
} as const;
export type VerificationType = (typeof VerificationType)[keyof typeof VerificationType];

/** The record type of a code sent to `channel`. */
export function codeVerificationTypeOf(channel: 'email' | 'phone') {
  return channel === 'email' ? VerificationType.EmailVerificationCode : VerificationType.PhoneVerificationCode;
}
