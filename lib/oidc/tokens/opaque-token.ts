import { randomToken, sha256 } from '@/lib/security/crypto';

/** An opaque token and the digest we store: a leaked table reveals no usable token. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomToken(32);
  return { token, hash: sha256(token) };
}
