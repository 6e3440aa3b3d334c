import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { settings } from '@/db/schema';
import { repoRoot } from '../support/repo-root';
import { describeDataLayer } from './data-layer';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/** Opens DATA_DIR in a separate process, as a second `next start` or a CLI task would. */
async function openInAnotherProcess(dataDir: string): Promise<{ opened: boolean; name?: string; message?: string }> {
  const run = promisify(execFile)(tsx, ['tests/support/open-database.ts'], { cwd: repoRoot, env: { NODE_ENV: 'test', PATH: process.env.PATH, DATA_DIR: dataDir } });
  const { stdout } = await run.catch((error: { stdout: string }) => error);
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** The pid of a process that has certainly exited (the kernel does not reuse it this soon). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describeDataLayer(
  {
    driver: 'pglite',
    async freshDatabase() {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-pglite-'));
      return { env: { DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  ({ client, database }) => {
    const lockFile = () => path.join(database().env.DATA_DIR!, 'sesame.lock');

    it('refuses a second process on the same data directory, naming the owner', async () => {
      await client().getDb();
      const second = await openInAnotherProcess(database().env.DATA_DIR!);
      expect(second).toMatchObject({ opened: false, name: 'DataDirLockedError' });
      expect(second.message).toContain(`is already open in another process (pid ${process.pid})`);
      expect(second.message).toContain('set DATA_DIR to another directory');
    });

    it('lets another process open the data directory once this one has closed it', async () => {
      await client().closeDb();
      expect(await openInAnotherProcess(database().env.DATA_DIR!)).toEqual({ opened: true });
    });

    it('takes over a lock left behind by a process that died', async () => {
      await client().closeDb();
      await writeFile(lockFile(), String(await deadPid()));
      await client().getDb();
      expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
      expect(await client().checkDatabase()).toMatchObject({ ok: true });
    });

    it('keeps its data across close and reopen', async () => {
      const db = await client().getDb();
      await db.insert(settings).values({ key: 'persistence-check', value: { written: 'before close' } });
      await client().closeDb();
      const reopened = await client().getDb();
      const rows = await reopened.select({ value: settings.value }).from(settings).where(eq(settings.key, 'persistence-check'));
      expect(rows).toEqual([{ value: { written: 'before close' } }]);
    });
  },
);
