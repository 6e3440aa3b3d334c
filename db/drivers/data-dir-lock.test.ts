import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

let dataDir: string;
let pgliteDir: string;
let lockFile: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-lock-'));
  pgliteDir = path.join(dataDir, 'pglite');
  lockFile = path.join(dataDir, 'sesame.lock');
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('acquireDataDirLock', () => {
  it('writes our pid into the lock file and removes it on release', async () => {
    const lock = await acquireDataDirLock(pgliteDir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
    await lock.release();
    await expect(stat(lockFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses while a live process holds the lock', async () => {
    // Our parent (the Vitest runner) is alive for the whole test.
    await writeFile(lockFile, String(process.ppid));
    const attempt = acquireDataDirLock(pgliteDir);
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(`already open in another process (pid ${process.ppid})`);
  });

  it('takes over a lock whose owner has exited', async () => {
    await writeFile(lockFile, String(await exitedPid()));
    const lock = await acquireDataDirLock(pgliteDir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
    await lock.release();
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(lockFile, 'not a pid');
    const lock = await acquireDataDirLock(pgliteDir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
    await lock.release();
  });
});
