import { describe, expect, it } from 'vitest';
import { defaultSignInExperience, type SignInExperience } from '@/lib/sign-in-exp/schema';
import { missingProfileFields, profileAfterSubmit } from './missing-profile';

const withSignUp = (signUp: SignInExperience['signUp']): SignInExperience => ({ ...defaultSignInExperience, signUp });

describe('missingProfileFields', () => {
  it('takes any one sign-up identifier, and asks for a password when the sign-up sets one', () => {
    const config = withSignUp({ identifiers: ['email', 'username'], password: true, verify: true, secondaryIdentifiers: [] });
    expect(missingProfileFields(config, { username: 'ada', passwordHash: 'h' })).toEqual([]);
    expect(missingProfileFields(config, { primaryEmail: 'a@example.com' })).toEqual(['password']);
    expect(missingProfileFields(config, {})).toEqual(['email', 'password']);
  });

  it('asks for emailOrPhone when either would do, and for every secondary identifier', () => {
    const config = withSignUp({
      identifiers: ['email', 'phone'],
      password: false,
      verify: true,
      secondaryIdentifiers: [{ identifier: 'username' }, { identifier: 'emailOrPhone' }],
    });
    expect(missingProfileFields(config, {})).toEqual(['emailOrPhone', 'username']);
    expect(missingProfileFields(config, { primaryPhone: '8210', username: 'ada' })).toEqual([]);
  });
});

describe('profileAfterSubmit', () => {
  it("takes the account's fields, with the pending profile on top", () => {
    const user = { username: 'ada', primaryEmail: null, primaryPhone: '8210', passwordHash: null };
    expect(profileAfterSubmit(user, { primaryEmail: 'ada@example.com', passwordHash: 'h' })).toEqual({
      username: 'ada',
      primaryEmail: 'ada@example.com',
      primaryPhone: '8210',
      passwordHash: 'h',
    });
    expect(missingProfileFields(withSignUp({ identifiers: ['username'], password: true, verify: false, secondaryIdentifiers: [] }), profileAfterSubmit(user, {}))).toEqual([
      'password',
    ]);
  });
});
