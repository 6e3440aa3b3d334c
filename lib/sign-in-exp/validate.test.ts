import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { defaultSignInExperience, type SignInExperience, type SignInMethod } from './schema';
import { validateSignInExperience } from './validate';

const method = (identifier: SignInMethod['identifier'], password: boolean, verificationCode: boolean): SignInMethod => ({
  identifier,
  password,
  verificationCode,
  isPasswordPrimary: password,
});

function codeOf(changes: Partial<SignInExperience>): string | undefined {
  try {
    validateSignInExperience({ ...defaultSignInExperience, ...changes });
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

const signUp = (identifiers: SignInExperience['signUp']['identifiers'], password: boolean, verify: boolean, secondaryIdentifiers: SignInExperience['signUp']['secondaryIdentifiers'] = []) => ({
  identifiers,
  password,
  verify,
  secondaryIdentifiers,
});

describe('validateSignInExperience', () => {
  it('accepts the defaults and common setups', () => {
    expect(codeOf({})).toBeUndefined();
    expect(codeOf({ signUp: signUp(['email'], false, true), signIn: { methods: [method('email', false, true)] } })).toBeUndefined();
    expect(codeOf({ signUp: signUp(['username'], true, false), signIn: { methods: [method('username', true, false)] } })).toBeUndefined();
    expect(
      codeOf({
        signUp: signUp(['username'], true, false, [{ identifier: 'emailOrPhone', verify: true }]),
        signIn: { methods: [method('username', true, false), method('email', true, true)] },
      }),
    ).toBeUndefined();
    // Registration off entirely: nothing to check against sign-in.
    expect(codeOf({ signUp: signUp([], false, false), signIn: { methods: [method('phone', false, true)] } })).toBeUndefined();
  });

  it('sign-up rules', () => {
    expect(codeOf({ signUp: signUp(['username'], false, false), signIn: { methods: [method('username', true, false)] } })).toBe(
      '400 sign_in_experiences.username_requires_password',
    );
    expect(codeOf({ signUp: signUp(['email'], true, false) })).toBe('400 sign_in_experiences.passwordless_requires_verify');
    expect(codeOf({ signUp: signUp(['username'], true, false, [{ identifier: 'phone' }]) })).toBe('400 sign_in_experiences.passwordless_requires_verify');
    expect(codeOf({ signUp: signUp(['username', 'username'], true, false) })).toBe('400 sign_in_experiences.duplicated_sign_up_identifiers');
    expect(codeOf({ signUp: signUp(['phone'], true, true, [{ identifier: 'emailOrPhone', verify: true }]) })).toBe(
      '400 sign_in_experiences.duplicated_sign_up_identifiers',
    );
    expect(codeOf({ signUp: signUp([], true, true, [{ identifier: 'username' }]) })).toBe('400 sign_in_experiences.missing_sign_up_identifiers');
  });

  it('sign-in rules, against the sign-up identifiers', () => {
    expect(codeOf({ signIn: { methods: [method('email', true, false)] } })).toBe('400 sign_in_experiences.miss_sign_up_identifier_in_sign_in');
    expect(codeOf({ signIn: { methods: [method('email', false, true), method('username', true, false)] } })).toBe(
      '400 sign_in_experiences.password_sign_in_must_be_enabled',
    );
    expect(codeOf({ signUp: signUp(['email'], false, true), signIn: { methods: [method('email', true, false)] } })).toBe(
      '400 sign_in_experiences.code_sign_in_must_be_enabled',
    );
    expect(codeOf({ signIn: { methods: [method('email', true, false), method('username', true, false), method('phone', false, false)] } })).toBe(
      '400 sign_in_experiences.at_least_one_authentication_factor',
    );
  });

  it('only offers a fallback language Sesame has', () => {
    expect(codeOf({ languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } })).toBeUndefined();
    expect(codeOf({ languageInfo: { autoDetect: false, fallbackLanguage: 'de' } })).toBe('400 sign_in_experiences.unsupported_default_language');
  });
});
