import { describe, expect, it } from 'vitest';
import { identifierFromInput, normalizedIdentifier } from './identifier';

describe('identifierFromInput', () => {
  it('reads an email when there is an @, a username otherwise, trimmed', () => {
    expect(identifierFromInput('  Ada@Example.com ')).toEqual({ type: 'email', value: 'Ada@Example.com' });
    expect(identifierFromInput('ada_lovelace')).toEqual({ type: 'username', value: 'ada_lovelace' });
  });
});

describe('normalizedIdentifier', () => {
  it('spells one account one way whatever the case, and keeps identifier types apart', () => {
    expect(normalizedIdentifier({ type: 'email', value: 'Ada@Example.com' })).toBe(normalizedIdentifier({ type: 'email', value: 'ada@example.com ' }));
    expect(normalizedIdentifier({ type: 'username', value: 'Ada' })).toBe('username:ada');
    expect(normalizedIdentifier({ type: 'username', value: 'ada' })).not.toBe(normalizedIdentifier({ type: 'email', value: 'ada' }));
  });
});

describe('normalizePhone', () => {
  it('keeps digits only, accepting a leading + and common separators', async () => {
    const { normalizePhone } = await import('./identifier');
    expect(normalizePhone('+82 (10) 1234-5678')).toBe('821012345678');
    expect(normalizePhone('821012345678')).toBe('821012345678');
    expect(() => normalizePhone('call me')).toThrow(expect.objectContaining({ code: 'guard.invalid_input' }));
    expect(normalizedIdentifier({ type: 'phone', value: '+82 10 1234 5678' })).toBe(normalizedIdentifier({ type: 'phone', value: '821012345678' }));
  });
});
