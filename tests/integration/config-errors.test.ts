import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { repoRoot } from '../support/repo-root';
import { testServerEnv } from '../support/server-env';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-config-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Runs `next start` with an environment override and waits for the process to exit by itself. */
async function startWith(overrides: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: repoRoot,
    env: { NODE_ENV: 'production', PATH: process.env.PATH, HOME: process.env.HOME, ...testServerEnv(port, dataDir), ...overrides },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(killer);
  return { code, output };
}

describe('configuration errors stop the server', () => {
  it('refuses a weak SESAME_SECRET with a message saying how to make one', async () => {
    const { code, output } = await startWith({ SESAME_SECRET: 'too-short' });
    expect(code).toBe(1);
    expect(output).toContain('SESAME_SECRET is too weak');
    expect(output).toContain('openssl rand');
  });

  it('refuses to run in production on an external database without SESAME_SECRET', async () => {
    const { code, output } = await startWith({ SESAME_SECRET: '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(output).toContain('SESAME_SECRET is not set');
  });

  it('names a malformed variable', async () => {
    const { code, output } = await startWith({ DATABASE_URL: 'mysql://example/db' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL');
  });
});
