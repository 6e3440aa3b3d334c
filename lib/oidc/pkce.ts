import { createHash } from 'node:crypto';
import { safeEqual } from '@/lib/security/crypto';

/** RFC 7636 §4.1: 43-128 characters of the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** An S256 challenge is a base64url SHA-256 digest: exactly 43 characters. */
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export const isValidChallenge = (challenge: string) => CHALLENGE.test(challenge);

/** RFC 7636 §4.6 with S256, the only method Sesame accepts. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return safeEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}
