import { describe, expect, it } from 'vitest';
import { addressTypes, firstMissing } from './fields';

describe('firstMissing', () => {
  it('asks for identifiers before the password, whatever the order of missingProfile', () => {
    expect(firstMissing('password email')).toBe('email');
    expect(firstMissing('password')).toBe('password');
    expect(firstMissing('emailOrPhone,password')).toBe('emailOrPhone');
  });

  it('knows nothing of unknown or absent entries', () => {
    expect(firstMissing('avatar')).toBeUndefined();
    expect(firstMissing(undefined)).toBeUndefined();
  });
});

describe('addressTypes', () => {
  it('accepts either channel for emailOrPhone', () => {
    expect(addressTypes('emailOrPhone')).toEqual(['email', 'phone']);
    expect(addressTypes('phone')).toEqual(['phone']);
  });
});
