import path from 'node:path';
import { unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in another process (pid ${pid}). ` +
        'PGlite cannot be shared between processes: stop that process first, ' +
        'or set DATA_DIR to another directory, or use DATABASE_URL with a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock file holding the owner's pid. A lock left behind by a dead
 * process (a crash, a kill -9) is taken over; a live owner makes us refuse.
 */
export async function acquireDataDirLock(dir: string): Promise<{ release(): Promise<void> }> {
  const file = path.join(dir, '..', 'sesame.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      const release = async () => {
        process.removeListener('exit', releaseSync);
        await unlink(file).catch(() => undefined);
      };
      const releaseSync = () => {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', releaseSync);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      await unlink(file).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
