import { describe, expect, it } from 'vitest';
import { defaultSignInExperience, type SignInExperience } from '@/lib/sign-in-exp/schema';
import { identifierFromText, maskedAddress, readIdentifierText, registerScreenOf, screenOf, signInScreenOf } from './screen';

const config = (patch: Partial<SignInExperience> = {}): SignInExperience => ({ ...defaultSignInExperience, ...patch });
const method = (identifier: 'email' | 'phone' | 'username', password: boolean, verificationCode: boolean, isPasswordPrimary = true) => ({
  identifier,
  password,
  verificationCode,
  isPasswordPrimary,
});

describe('signInScreenOf', () => {
  it('asks for the identifier first when several types are enabled, naming them in label order', () => {
    const screen = signInScreenOf(config(), {})!;
    expect(screen.identifiers).toEqual(['email', 'username']);
    expect(screen.identifierFirst).toBe(true);
    expect(screen.forgotPassword).toBe(true);
  });

  it('keeps identifier and password on one form for one password-only type', () => {
    const screen = signInScreenOf(config({ signIn: { methods: [method('username', true, false)] } }), {})!;
    expect(screen.identifierFirst).toBe(false);
  });

  it('goes identifier-first for one type that may use a code, with the primary method first', () => {
    const screen = signInScreenOf(config({ signIn: { methods: [method('phone', true, true, false)] } }), {})!;
    expect(screen.identifierFirst).toBe(true);
    expect(screen.methods.phone).toEqual({ password: true, code: true, primary: 'code' });
  });

  it('restricts the types to `identifier` on first_screen=identifier:sign_in, ignoring a list that names nothing enabled', () => {
    expect(signInScreenOf(config(), { first_screen: 'identifier:sign_in', identifier: 'email phone' })!.identifiers).toEqual(['email']);
    expect(signInScreenOf(config(), { first_screen: 'identifier:sign_in', identifier: 'phone' })!.identifiers).toEqual(['email', 'username']);
    expect(signInScreenOf(config(), { first_screen: 'sign_in', identifier: 'email' })!.identifiers).toEqual(['email', 'username']);
  });

  it('has no sign-in screen when the operator only lets people register', () => {
    expect(signInScreenOf(config({ signInMode: 'Register' }), {})).toBeNull();
  });

  it('asks for agreement by checkbox or notice per agreeToTermsPolicy, and not at all without terms', () => {
    const withTerms = { termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: null };
    expect(signInScreenOf(config({ ...withTerms, agreeToTermsPolicy: 'Manual' }), {})!.terms).toBe('checkbox');
    expect(signInScreenOf(config({ ...withTerms, agreeToTermsPolicy: 'ManualRegistrationOnly' }), {})!.terms).toBe('notice');
    expect(registerScreenOf(config({ ...withTerms, agreeToTermsPolicy: 'ManualRegistrationOnly' }), {})!.terms).toBe('checkbox');
    expect(registerScreenOf(config({ ...withTerms, agreeToTermsPolicy: 'Automatic' }), {})!.terms).toBe('notice');
    expect(signInScreenOf(config({ agreeToTermsPolicy: 'Manual' }), {})!.terms).toBe('none');
  });
});

describe('registerScreenOf', () => {
  it('is null when registration is closed', () => {
    expect(registerScreenOf(config({ signInMode: 'SignIn' }), {})).toBeNull();
  });
});

describe('screenOf', () => {
  it('lists the password rules to show, those only the server checks included', () => {
    expect(screenOf(config(), { params: {} }, 'Demo').passwordRules).toEqual({ minLength: 8, minCharacterTypes: 1, avoid: ['pwned', 'repetitionAndSequence', 'userInfo'] });
    const strict = config({
      passwordPolicy: { ...defaultSignInExperience.passwordPolicy, length: { min: 12, max: 256 }, rejects: { pwned: false, repetitionAndSequence: false, userInfo: false, words: ['sesame'] } },
    });
    expect(screenOf(strict, { params: {} }, 'Demo').passwordRules).toEqual({ minLength: 12, minCharacterTypes: 1, avoid: ['words'] });
  });

  it('reads a magic link from one_time_token and an email login_hint', () => {
    const screen = screenOf(config(), { params: { one_time_token: 'tok', login_hint: 'ada@example.com' } }, 'Demo');
    expect(screen.magicLink).toEqual({ email: 'ada@example.com', token: 'tok' });
    expect(screenOf(config(), { params: { one_time_token: 'tok' } }, 'Demo').magicLink).toBeUndefined();
  });

  it('carries branding and the legal links', () => {
    const screen = screenOf(config({ termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: null }), { params: {} }, 'Demo');
    expect(screen.legal).toEqual({ termsUrl: 'https://example.com/terms' });
    expect(screen.branding).toMatchObject({ primaryColor: '#4f46e5', darkPrimaryColor: '#818cf8' });
  });
});

describe('identifierFromText', () => {
  it('tells email, phone and username apart within the allowed types', () => {
    const all = ['email', 'phone', 'username'] as const;
    expect(identifierFromText(' ada@example.com ', [...all])).toEqual({ type: 'email', value: 'ada@example.com' });
    expect(identifierFromText('+82 10-1234-5678', [...all])).toEqual({ type: 'phone', value: '821012345678' });
    expect(identifierFromText('ada_l', [...all])).toEqual({ type: 'username', value: 'ada_l' });
    expect(identifierFromText('ada@example.com', ['username', 'phone'])).toBeUndefined();
    expect(identifierFromText('ada', ['email'])).toBeUndefined();
    expect(identifierFromText('   ', [...all])).toBeUndefined();
  });
});

describe('readIdentifierText', () => {
  const all = ['email', 'phone', 'username'] as const;
  it('reads what was typed, or says what is missing or wrong', () => {
    expect(readIdentifierText('+82 10-1234-5678', [...all], 'en')).toEqual({ identifier: { type: 'phone', value: '821012345678' } });
    expect(readIdentifierText('ada@example.com', [...all], 'en')).toEqual({ identifier: { type: 'email', value: 'ada@example.com' } });
    expect(readIdentifierText('  ', [...all], 'en')).toEqual({ problem: 'form.identifier_required' });
    expect(readIdentifierText('ada', ['email', 'phone'], 'en')).toEqual({ problem: 'form.identifier_invalid' });
  });

  it('gives a number typed the national way (a leading 0) the country code the page language implies, or asks for one', () => {
    expect(readIdentifierText('010-1234-5678', [...all], 'ko')).toEqual({ identifier: { type: 'phone', value: '821012345678' } });
    expect(readIdentifierText('02 123 4567', ['phone'], 'ko')).toEqual({ identifier: { type: 'phone', value: '8221234567' } });
    expect(readIdentifierText('010-1234-5678', [...all], 'en')).toEqual({ problem: 'form.phone_country_code' });
    // With its country code, a number is taken as typed on any page.
    expect(readIdentifierText('+1 415 555 0100', [...all], 'ko')).toEqual({ identifier: { type: 'phone', value: '14155550100' } });
  });
});

describe('maskedAddress', () => {
  it('hides most of an address but keeps it recognisable', () => {
    expect(maskedAddress({ type: 'email', value: 'ada.lovelace@example.com' })).toBe('ad••••••@example.com');
    expect(maskedAddress({ type: 'email', value: 'a@example.com' })).toBe('a•@example.com');
    expect(maskedAddress({ type: 'phone', value: '821012345678' })).toBe('••••••••5678');
  });
});
