import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';

// The harness other suites build on, and the production server on its default embedded database.
describe('production server on a fresh embedded database', () => {
  let app: AppServer | undefined;
  const server = () => app ?? expect.unreachable('started in beforeAll');

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('reports itself healthy on PGlite with migrations applied', async () => {
    const response = await fetch(`${server().baseUrl}/api/status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true, driver: 'pglite' } });
  });

  it('opened the database in the temporary DATA_DIR, not the repository', () => {
    expect(existsSync(`${server().dataDir}/pglite`)).toBe(true);
  });

  it('stops the whole process tree and removes its temporary data directory', async () => {
    const { baseUrl, pid, dataDir } = server();
    await server().stop();
    expect(server().running()).toBe(false);
    expect(() => process.kill(-pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    await expect(fetch(`${baseUrl}/api/status/live`)).rejects.toThrow();
    expect(existsSync(dataDir)).toBe(false);
  });
});
