import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { env } from '@/lib/env';
import { verifyImportedPassword } from './imported-passwords';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). The
 * native binding runs on libuv's thread pool, so hashing never blocks the event loop.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return withArgon2Slot(() => argon2.hash(password, OPTIONS));
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (unknown user, or a user
 * without a password) it still verifies against a dummy hash, so the answer takes the
 * same time either way and reveals nothing about which accounts exist. An imported digest
 * (./imported-passwords.ts) is checked by its own algorithm, beside the same dummy argon2id,
 * so an imported MD5 takes no less time than a native hash.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    await verifyDummy(password);
    return false;
  }
  if (!hash.startsWith('$argon2')) {
    const [imported] = await Promise.all([verifyImportedPassword(hash, password).catch(() => false), verifyDummy(password)]);
    return imported === true;
  }
  try {
    return await withArgon2Slot(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}

async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('sesame-dummy-password-for-constant-timing');
  const dummy = await dummyHash;
  await withArgon2Slot(() => argon2.verify(dummy, password));
}

/** True for anything but an argon2id hash with today's parameters: an imported digest, or an older cost. */
export function passwordNeedsUpgrade(hash: string): boolean {
  return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, OPTIONS);
}

/**
 * How many argon2 computations run at once. Each keeps one core busy for ~20 ms, and the
 * thread pool they run on also signs tokens (lib/oidc/jwt.ts) and serves file I/O: more
 * of them than cores hash no faster, and a pool full of them makes a token request wait
 * for hashes queued before it (~100 ms under sign-in load). So one per core, and always
 * one pool thread left over. Later ones wait here, in arrival order.
 */
const slots = () => Math.max(1, Math.min(availableParallelism(), env().threadPoolSize - 1));
let running = 0;
const waiting: Array<() => void> = [];

async function withArgon2Slot<T>(work: () => Promise<T>): Promise<T> {
  if (running < slots()) running++;
  // A finishing computation hands its slot straight to the next in line (running stays the same).
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
