import { createHash, getHashes, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import { AppError } from '@/lib/errors';

/**
 * Password digests imported from another system (Logto's `passwordDigest` + `passwordAlgorithm`
 * on `POST /api/users`), kept until the person's first sign-in replaces them with argon2id.
 *
 * Stored in `users.password_hash` in a form that names its algorithm, so no other column has to
 * agree with it and every later password write (a reset, a change) simply replaces it:
 * argon2 and bcrypt digests describe themselves (`$argon2id$…`, `$2b$…`); the unsalted hex
 * digests get a prefix (`sha256:<hex>`); Logto's Legacy format is kept as `legacy:<json>`.
 */
export const passwordAlgorithms = ['Argon2i', 'Argon2id', 'Argon2d', 'Bcrypt', 'MD5', 'SHA1', 'SHA256', 'Legacy'] as const;
export type PasswordAlgorithm = (typeof passwordAlgorithms)[number];

const HEX_DIGESTS = { MD5: ['md5', 32], SHA1: ['sha1', 40], SHA256: ['sha256', 64] } as const;
const BCRYPT = /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/;
/** Logto's Legacy digest: `["<node hash>", ["arg", "@", ...], "<hex>"]`, `@` standing for the password; or PBKDF2's `["pbkdf2", [salt, iterations, keylen, digest, "@"], "<hex>"]`. */
type LegacyDigest = [algorithm: string, args: string[], expected: string];

const invalid = (why: string) => new AppError('guard.invalid_input', 400, `passwordDigest ${why}`);

/** The stored form of an imported digest; 400 `guard.invalid_input` when it is not a digest of `algorithm`. */
export function importedPasswordHash(algorithm: PasswordAlgorithm, digest: string): string {
  switch (algorithm) {
    case 'Argon2i':
    case 'Argon2id':
    case 'Argon2d':
      if (!digest.startsWith(`$${algorithm.toLowerCase()}$`)) throw invalid(`must be an ${algorithm} hash ($${algorithm.toLowerCase()}$…)`);
      return digest;
    case 'Bcrypt':
      if (!BCRYPT.test(digest)) throw invalid('must be a bcrypt hash ($2b$…)');
      return digest;
    case 'MD5':
    case 'SHA1':
    case 'SHA256': {
      const [name, length] = HEX_DIGESTS[algorithm];
      if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digest)) throw invalid(`must be ${length} hex digits (${algorithm})`);
      return `${name}:${digest.toLowerCase()}`;
    }
    case 'Legacy':
      return `legacy:${JSON.stringify(parseLegacy(digest))}`;
  }
}

function parseLegacy(digest: string): LegacyDigest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(digest);
  } catch {
    throw invalid('must be JSON for Legacy: ["sha256", ["salt", "@"], "<hex>"]');
  }
  const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' || !isStrings(parsed[1]) || typeof parsed[2] !== 'string') {
    throw invalid('must be ["<algorithm>", ["<argument>", "@", …], "<hex>"] for Legacy');
  }
  const [algorithm, args, expected] = parsed as LegacyDigest;
  if (!args.includes('@')) throw invalid('arguments must include "@", where the password goes');
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(expected)) throw invalid('must end with the expected digest in hex');
  if (algorithm === 'pbkdf2') {
    const [salt, iterations, keylen, hash] = args;
    if (args.length !== 5 || !salt || !/^\d{1,7}$/.test(iterations ?? '') || !/^\d{1,3}$/.test(keylen ?? '') || !getHashes().includes(hash ?? '')) {
      throw invalid('must be ["pbkdf2", ["<salt>", "<iterations>", "<keylen>", "<digest>", "@"], "<hex>"]');
    }
  } else if (!getHashes().includes(algorithm)) {
    throw invalid(`names a hash Node.js does not have: ${algorithm}`);
  }
  return [algorithm, args, expected.toLowerCase()];
}

const sameHex = (actual: Buffer, expectedHex: string) => {
  const expected = Buffer.from(expectedHex, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

/** Whether `password` matches an imported (non-argon2) stored hash; undefined when `hash` is not one. */
export async function verifyImportedPassword(hash: string, password: string): Promise<boolean | undefined> {
  if (BCRYPT.test(hash)) return bcrypt.compare(password, hash);
  const separator = hash.indexOf(':');
  const [kind, rest] = [hash.slice(0, separator), hash.slice(separator + 1)];
  if (kind === 'md5' || kind === 'sha1' || kind === 'sha256') return sameHex(createHash(kind).update(password).digest(), rest);
  if (kind !== 'legacy') return undefined;
  const [algorithm, args, expected] = JSON.parse(rest) as LegacyDigest;
  const filled = args.map((arg) => (arg === '@' ? password : arg));
  if (algorithm === 'pbkdf2') {
    const [salt, iterations, keylen, digest, secret] = filled as [string, string, string, string, string];
    return sameHex(await promisify(pbkdf2)(secret, salt, Number(iterations), Number(keylen), digest), expected);
  }
  return sameHex(createHash(algorithm).update(filled.join('')).digest(), expected);
}
