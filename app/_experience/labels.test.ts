import { describe, expect, it } from 'vitest';
import { identifierKey } from './labels';

describe('identifierKey', () => {
  it('names the accepted types in the labels’ order, whatever the configuration’s order', () => {
    expect(identifierKey(['username', 'email'])).toBe('email_username');
    expect(identifierKey(['phone'])).toBe('phone');
    expect(identifierKey(['username', 'phone', 'email'])).toBe('email_phone_username');
  });
});
