import { AppError, assertThat } from '@/lib/errors';
import { locales } from '@/lib/i18n/routing';
import { invalidBlocklistEntries, type EmailBlocklistPolicy } from './email-blocklist';
import type { SignInExperience, SignInIdentifier } from './schema';

/**
 * The cross-field rules of a sign-in experience, with Logto's `sign_in_experiences.*` codes
 * (400). They run on the whole document a PATCH would store, so a change to one part cannot
 * leave another part unusable (turning off password sign-in while sign-up still sets one).
 * Shape errors (types, enums, duplicates within a list, min > max) are the schema's, as
 * `guard.invalid_input`.
 */
export function validateSignInExperience(experience: SignInExperience): void {
  validateSignUp(experience.signUp);
  validateSignIn(experience.signIn, experience.signUp);
  validateLanguage(experience.languageInfo.fallbackLanguage);
  validateEmailBlocklist(experience.emailBlocklistPolicy);
}

function fail(code: string, message: string, data?: Record<string, unknown>): never {
  throw new AppError(`sign_in_experiences.${code}`, 400, message, data);
}

const receivesCodes = (identifier: string) => identifier === 'email' || identifier === 'phone' || identifier === 'emailOrPhone';

function validateSignUp({ identifiers, secondaryIdentifiers, password, verify }: SignInExperience['signUp']): void {
  if (secondaryIdentifiers.length > 0 && identifiers.length === 0) {
    fail('missing_sign_up_identifiers', 'Secondary sign-up identifiers need at least one primary identifier.');
  }
  const primary = new Set<string>(identifiers);
  const secondary = secondaryIdentifiers.map(({ identifier }) => identifier);
  const overlaps = secondary.some((identifier) =>
    identifier === 'emailOrPhone' ? primary.has('email') || primary.has('phone') : primary.has(identifier),
  );
  if (primary.size !== identifiers.length || new Set(secondary).size !== secondary.length || overlaps) {
    fail('duplicated_sign_up_identifiers', 'A sign-up identifier appears more than once.');
  }
  // A username proves nothing by itself: an account registered by username needs a password.
  if (primary.has('username') && !password) {
    fail('username_requires_password', 'Registering with a username requires setting a password.');
  }
  // As Logto: an email or phone is only ever registered once proven by a code, with or without a
  // password — else anyone could claim another's address, and a later password reset would hand it over.
  const unverified = (identifiers.some(receivesCodes) && !verify) || secondaryIdentifiers.some((item) => receivesCodes(item.identifier) && !item.verify);
  if (unverified) fail('passwordless_requires_verify', 'An email or phone sign-up identifier must be verified.');
}

function validateSignIn({ methods }: SignInExperience['signIn'], signUp: SignInExperience['signUp']): void {
  assertThat(
    methods.every((method) => method.password || method.verificationCode),
    'sign_in_experiences.at_least_one_authentication_factor',
    400,
    'Every sign-in method needs a password or a verification code.',
  );
  const methodFor = (identifier: SignInIdentifier) => methods.find((method) => method.identifier === identifier);
  for (const identifier of signUp.identifiers) {
    const method = methodFor(identifier);
    // Whoever registers with an identifier must be able to sign in with it afterwards.
    if (!method) fail('miss_sign_up_identifier_in_sign_in', 'Every sign-up identifier needs a sign-in method.', { identifier });
    if (signUp.password && !method.password) {
      fail('password_sign_in_must_be_enabled', 'Sign-up sets a password, so password sign-in must be on for every sign-up identifier.', { identifier });
    }
    // Registered without a password, the person has only the code to come back with.
    if (!signUp.password && identifier !== 'username' && !method.verificationCode) {
      fail('code_sign_in_must_be_enabled', 'Sign-up sets no password, so verification-code sign-in must be on for every sign-up identifier.', {
        identifier,
      });
    }
  }
}

function validateLanguage(language: string): void {
  if (!(locales as readonly string[]).includes(language)) {
    fail('unsupported_default_language', `The language ${language} is not available.`, { language });
  }
}

function validateEmailBlocklist(policy: EmailBlocklistPolicy): void {
  const items = invalidBlocklistEntries(policy);
  if (items.length > 0) fail('invalid_custom_email_blocklist_format', `Blocklist entries are an address or @domain: ${items.join(', ')}.`, { items });
}
