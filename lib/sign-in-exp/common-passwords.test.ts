import { describe, expect, it } from 'vitest';
import { commonPasswordsText } from './data/common-passwords';
import { isCommonPassword } from './common-passwords';

describe('the shipped common-password list', () => {
  it('holds tens of thousands of distinct lower-case entries', () => {
    const entries = commonPasswordsText.split('\n');
    expect(entries.length).toBeGreaterThan(40_000);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.every((entry) => entry.length > 0 && entry === entry.toLowerCase())).toBe(true);
  });

  it('knows the classics, in any case', () => {
    for (const password of ['123456', 'password', 'qwerty', 'iloveyou', 'trustno1', 'Password', 'LETMEIN', 'sunshine']) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it('does not flag an unusual password', () => {
    expect(isCommonPassword('vault-Ember-71-quill')).toBe(false);
    expect(isCommonPassword('')).toBe(false);
  });
});
