import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { installationSecret } from './secret';

/** A random, URL-safe token with `bytes` of entropy (default 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Digest for random secrets and tokens (never for passwords: those go through argon2id). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Compares in constant time with respect to the content; lengths are not secret here (digests). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    // Compare anyway so a length mismatch costs the same time as a content mismatch.
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

const keyCache = new Map<string, Buffer>();

/** A purpose-bound key derived from the installation secret (HKDF-SHA256), so one secret never serves two uses. */
export function derivedKey(purpose: string): Buffer {
  let key = keyCache.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', installationSecret(), 'sesame', purpose, 32));
    keyCache.set(purpose, key);
  }
  return key;
}

/** AES-256-GCM; output `v1.<iv>.<ciphertext+tag>` in base64url. `purpose` is bound as associated data. */
export function encryptAtRest(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey('at-rest'), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptAtRest(sealed: string, purpose: string): string {
  const [version, ivText, bodyText] = sealed.split('.');
  if (version !== 'v1' || !ivText || !bodyText) throw new Error('Unrecognized encrypted value');
  const body = Buffer.from(bodyText, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', derivedKey('at-rest'), Buffer.from(ivText, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}
