import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A random identifier of lower-case letters and digits (Logto-style, safe in URLs and
 * case-insensitive stores). 21 characters ≈ 108 bits: ids are not secrets, but must not collide.
 */
export function generateId(length = 21): string {
  const bytes = randomBytes(length * 2);
  let id = '';
  // Rejection sampling keeps every character uniformly likely (252 = 7 * 36).
  for (let i = 0; i < bytes.length && id.length < length; i++) {
    const byte = bytes[i]!;
    if (byte < 252) id += ALPHABET[byte % 36];
  }
  return id.length === length ? id : id + generateId(length - id.length);
}
