import { createHash, pbkdf2Sync } from 'node:crypto';
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { importedPasswordHash, verifyImportedPassword } from './imported-passwords';
import { passwordNeedsUpgrade, verifyPassword } from './password';

const PASSWORD = 'correct horse battery staple';
const hex = (algorithm: string, value: string) => createHash(algorithm).update(value).digest('hex');

describe('imported password digests', () => {
  it('verifies MD5, SHA1 and SHA256 hex digests, in either case', async () => {
    for (const [algorithm, name] of [['MD5', 'md5'], ['SHA1', 'sha1'], ['SHA256', 'sha256']] as const) {
      const stored = importedPasswordHash(algorithm, hex(name, PASSWORD).toUpperCase());
      expect(stored).toBe(`${name}:${hex(name, PASSWORD)}`);
      expect(await verifyImportedPassword(stored, PASSWORD)).toBe(true);
      expect(await verifyImportedPassword(stored, 'wrong')).toBe(false);
    }
  });

  it('verifies bcrypt and every argon2 variant', async () => {
    const stored = importedPasswordHash('Bcrypt', await bcrypt.hash(PASSWORD, 4));
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
    const argon2i = importedPasswordHash('Argon2i', await argon2.hash(PASSWORD, { type: argon2.argon2i }));
    expect(await verifyPassword(argon2i, PASSWORD)).toBe(true);
  });

  it('verifies Logto’s Legacy digests: a salted hash, and PBKDF2', async () => {
    const salted = importedPasswordHash('Legacy', JSON.stringify(['sha256', ['salt123', '@'], hex('sha256', `salt123${PASSWORD}`)]));
    expect(await verifyImportedPassword(salted, PASSWORD)).toBe(true);
    expect(await verifyImportedPassword(salted, 'wrong')).toBe(false);
    const derived = pbkdf2Sync(PASSWORD, 'pepper', 1000, 20, 'sha512').toString('hex');
    const pbkdf2 = importedPasswordHash('Legacy', JSON.stringify(['pbkdf2', ['pepper', '1000', '20', 'sha512', '@'], derived]));
    expect(await verifyImportedPassword(pbkdf2, PASSWORD)).toBe(true);
    expect(await verifyImportedPassword(pbkdf2, 'wrong')).toBe(false);
  });

  it('refuses a digest that is not one of its algorithm', () => {
    for (const [algorithm, digest] of [
      ['SHA256', hex('sha1', PASSWORD)],
      ['MD5', 'not hex at all, 32 characters..'],
      ['Bcrypt', '$2b$10$short'],
      ['Argon2id', '$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA'],
      ['Legacy', 'not json'],
      ['Legacy', JSON.stringify(['sha256', ['salt'], 'abcd'])],
      ['Legacy', JSON.stringify(['no-such-hash', ['@'], 'abcd'])],
      ['Legacy', JSON.stringify(['pbkdf2', ['salt', 'many', '20', 'sha512', '@'], 'abcd'])],
    ] as const) {
      expect(() => importedPasswordHash(algorithm, digest), `${algorithm} ${digest}`).toThrow(expect.objectContaining({ code: 'guard.invalid_input', status: 400 }));
    }
  });

  it('marks everything but today’s argon2id for an upgrade at the next sign-in', async () => {
    expect(passwordNeedsUpgrade(`sha1:${hex('sha1', PASSWORD)}`)).toBe(true);
    expect(passwordNeedsUpgrade(await argon2.hash(PASSWORD, { type: argon2.argon2i }))).toBe(true);
    expect(passwordNeedsUpgrade(await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 3 }))).toBe(true);
    expect(passwordNeedsUpgrade(await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }))).toBe(false);
  });
});
