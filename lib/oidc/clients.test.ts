import { describe, expect, it } from 'vitest';
import { sha256 } from '@/lib/security/crypto';
import { secretMatches, type Client } from './clients';

const now = Date.UTC(2026, 0, 1);
const client = (secrets: Client['secrets']) => ({ secrets }) as Client;

describe('secretMatches', () => {
  it('accepts a matching secret without expiry or before it expires', () => {
    expect(secretMatches(client([{ secretHash: sha256('a'), expiresAt: null }]), 'a', now)).toBe(true);
    expect(secretMatches(client([{ secretHash: sha256('a'), expiresAt: new Date(now + 1000) }]), 'a', now)).toBe(true);
  });

  it('refuses a secret that expired after the client was cached', () => {
    expect(secretMatches(client([{ secretHash: sha256('a'), expiresAt: new Date(now - 1) }]), 'a', now)).toBe(false);
  });

  it('refuses a wrong secret, and matches any one of several', () => {
    const secrets = [
      { secretHash: sha256('old'), expiresAt: null },
      { secretHash: sha256('new'), expiresAt: null },
    ];
    expect(secretMatches(client(secrets), 'wrong', now)).toBe(false);
    expect(secretMatches(client(secrets), 'new', now)).toBe(true);
  });
});
