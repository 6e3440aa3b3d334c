import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { assertPasswordMeetsPolicy, passwordPolicyIssues } from './password-policy';
import { defaultSignInExperience, type PasswordPolicy } from './schema';

const policy = defaultSignInExperience.passwordPolicy;
const codes = (password: string, custom: PasswordPolicy = policy, info = {}) => passwordPolicyIssues(password, custom, info).map((issue) => issue.code);
const lenient: PasswordPolicy = { ...policy, rejects: { pwned: false, repetitionAndSequence: false, userInfo: false, words: [] } };

describe('passwordPolicyIssues', () => {
  it('accepts a good password under the defaults', () => {
    expect(passwordPolicyIssues('vault-Ember-71-quill', policy, { username: 'alice', email: 'alice@example.com' })).toEqual([]);
  });

  it('checks the length in code points, with the bound as interpolation', () => {
    expect(passwordPolicyIssues('k9#Vq', lenient)).toEqual([{ code: 'password_rejected.too_short', interpolation: { min: 8 } }]);
    expect(passwordPolicyIssues('비밀번호는길다', { ...lenient, length: { min: 7, max: 7 } })).toEqual([]);
    expect(passwordPolicyIssues('x'.repeat(11), { ...lenient, length: { min: 1, max: 10 } })).toEqual([
      { code: 'password_rejected.too_long', interpolation: { max: 10 } },
    ]);
  });

  it('counts character types: lower, upper, digits, everything else', () => {
    const three = { ...lenient, characterTypes: { min: 3 } };
    expect(passwordPolicyIssues('lowercase99', three)).toEqual([{ code: 'password_rejected.character_types', interpolation: { min: 3 } }]);
    expect(codes('Lowercase99', three)).toEqual([]);
    expect(codes('lowercase 9', three)).toEqual([]);
    expect(codes('aA1!', { ...lenient, length: { min: 1, max: 256 }, characterTypes: { min: 4 } })).toEqual([]);
  });

  it('refuses control characters as unsupported, but accepts spaces and non-Latin letters', () => {
    expect(codes('tab\there-ok', lenient)).toEqual(['password_rejected.unsupported_characters']);
    expect(codes('new\nline-ok', lenient)).toEqual(['password_rejected.unsupported_characters']);
    expect(codes('열려라 참깨 2024', lenient)).toEqual([]);
  });

  it('rejects a common password from the shipped list when pwned is on, in any case', () => {
    expect(codes('password1')).toEqual(['password_rejected.pwned']);
    expect(codes('Sunshine1')).toEqual(['password_rejected.pwned']);
    expect(codes('password1', { ...policy, rejects: { ...policy.rejects, pwned: false } })).toEqual([]);
  });

  it('reports repetition, sequences, user info and words with Logto codes', () => {
    expect(codes('aaaaaaaaa', { ...policy, rejects: { ...policy.rejects, pwned: false } })).toEqual(['password_rejected.restricted.repetition']);
    expect(codes('abcdefgh9', { ...policy, rejects: { ...policy.rejects, pwned: false } })).toEqual(['password_rejected.restricted.sequence']);
    expect(codes('margaret.hamilton', policy, { email: 'margaret.hamilton@nasa.gov' })).toEqual(['password_rejected.restricted.user_info']);
    expect(codes('sesameacme', { ...policy, rejects: { ...policy.rejects, words: ['sesame', 'acme'] } })).toEqual([
      'password_rejected.restricted.words',
    ]);
  });

  it('lists every issue at once, in Logto order', () => {
    expect(codes('12345')).toEqual(['password_rejected.too_short', 'password_rejected.pwned', 'password_rejected.restricted.sequence']);
  });
});

describe('assertPasswordMeetsPolicy', () => {
  it('throws password.rejected (422) with the issues as data', () => {
    let error: unknown;
    try {
      assertPasswordMeetsPolicy('qwerty', policy);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).code).toBe('password.rejected');
    expect((error as AppError).data).toEqual({
      result: false,
      issues: [
        { code: 'password_rejected.too_short', interpolation: { min: 8 } },
        { code: 'password_rejected.pwned' },
        { code: 'password_rejected.restricted.sequence' },
      ],
    });
  });

  it('passes a password that meets the policy', () => {
    expect(() => assertPasswordMeetsPolicy('vault-Ember-71-quill', policy)).not.toThrow();
  });
});
