import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { env } from '@/lib/env';

const MIN_SECRET_LENGTH = 32;
const HOW_TO_MAKE_ONE = 'Generate one with `openssl rand -base64 48` and set SESAME_SECRET.';

let cached: string | undefined;

/**
 * The installation secret: signs cookies and encrypts data at rest (signing keys,
 * later TOTP seeds). From SESAME_SECRET; on a local install without it, generated once
 * and kept in the data directory. A production deployment on an external database
 * must set it: a per-instance secret would make every instance reject the others' data.
 */
export function installationSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.secret) {
    if (config.secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`SESAME_SECRET is too weak: it must be at least ${MIN_SECRET_LENGTH} characters. ${HOW_TO_MAKE_ONE}`);
    }
    return (cached = config.secret);
  }
  if (config.isProduction && config.databaseDriver !== 'pglite') {
    throw new Error(`SESAME_SECRET is not set. ${HOW_TO_MAKE_ONE}`);
  }
  return (cached = readOrCreateLocalSecret(config.dataDir));
}

function readOrCreateLocalSecret(dataDir: string): string {
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), dataDir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': if another process won the race, read its secret instead of overwriting it.
    writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
