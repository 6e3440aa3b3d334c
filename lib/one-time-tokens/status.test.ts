import { describe, expect, it } from 'vitest';
import { effectiveStatus } from './status';

describe('effectiveStatus', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const later = new Date(now.getTime() + 1000);
  const earlier = new Date(now.getTime() - 1000);

  it('reads an active token past its expiry (or at it) as expired', () => {
    expect(effectiveStatus({ status: 'active', expiresAt: later }, now)).toBe('active');
    expect(effectiveStatus({ status: 'active', expiresAt: now }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'active', expiresAt: earlier }, now)).toBe('expired');
  });

  it('keeps a settled status, expired or not', () => {
    for (const status of ['consumed', 'revoked', 'expired']) {
      expect(effectiveStatus({ status, expiresAt: earlier }, now)).toBe(status);
      expect(effectiveStatus({ status, expiresAt: later }, now)).toBe(status);
    }
  });
});
