import { describe, expect, it } from 'vitest';
import { defaultSignInExperience, type SignInExperience } from '@/lib/sign-in-exp/schema';
import { firstScreen } from './hand-off';

const config = (patch: Partial<SignInExperience> = {}): SignInExperience => ({ ...defaultSignInExperience, ...patch });
const none = new Set<string>();

describe('firstScreen', () => {
  it('follows first_screen', () => {
    expect(firstScreen({}, none, config())).toBe('sign-in');
    expect(firstScreen({ first_screen: 'sign_in' }, none, config())).toBe('sign-in');
    expect(firstScreen({ first_screen: 'identifier:sign_in', identifier: 'email' }, none, config())).toBe('sign-in');
    expect(firstScreen({ first_screen: 'register' }, none, config())).toBe('register');
    expect(firstScreen({ first_screen: 'identifier:register' }, none, config())).toBe('register');
    expect(firstScreen({ first_screen: 'reset_password' }, none, config())).toBe('forgot-password');
  });

  it('falls back to the usual first screen for SSO and direct sign-in, which are not built', () => {
    expect(firstScreen({ first_screen: 'single_sign_on' }, none, config())).toBe('sign-in');
    expect(firstScreen({ direct_sign_in: 'social:google' }, none, config())).toBe('sign-in');
    expect(firstScreen({ direct_sign_in: 'social:google' }, none, config({ signInMode: 'Register' }))).toBe('register');
  });

  it('starts at registration for prompt=create, unless registration is closed', () => {
    expect(firstScreen({}, new Set(['create']), config())).toBe('register');
    expect(firstScreen({}, new Set(['create']), config({ signInMode: 'SignIn' }))).toBe('sign-in');
    expect(firstScreen({ first_screen: 'register' }, none, config({ signInMode: 'SignIn' }))).toBe('sign-in');
  });

  it('leads to sign-in when password reset is off', () => {
    expect(firstScreen({ first_screen: 'reset_password' }, none, config({ forgotPasswordMethods: [] }))).toBe('sign-in');
  });

  it('lands a magic link on its own page', () => {
    expect(firstScreen({ one_time_token: 'abc', login_hint: 'ada@example.com', first_screen: 'register' }, none, config())).toBe('magic-link');
  });
});
