import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { repoRoot } from './repo-root';
import { testServerEnv } from './server-env';
import { GiveUp, waitFor } from './wait-for';

export { TEST_SECRET } from './server-env';
export { repoRoot };

/**
 * Test harness for the production server: `startApp()` runs `next start` from the last
 * `next build` on a free port, with a fresh embedded database unless told otherwise.
 *
 *   const app = await startApp();                        // fresh PGlite in a temp DATA_DIR
 *   const app = await startApp({ env: { DATABASE_URL } }); // a real PostgreSQL instead
 *   await fetch(`${app.baseUrl}/api/status`);
 *   await app.stop();                                    // kills the process tree, removes the temp dir
 *
 * The server sees PATH, HOME and locale variables, testServerEnv() and `env`: never the
 * developer's own DATABASE_URL or DATA_DIR. A fresh PGlite directory takes ~6 s to initialise, so share
 * one server per test file where the tests allow it.
 */
export interface StartAppOptions {
  /** Extra or overriding server environment. Giving DATA_DIR keeps that directory (it is not deleted on stop). */
  env?: Record<string, string>;
  /** How long to wait for /api/status/live. */
  readyTimeoutMs?: number;
}

export interface AppServer {
  /** http://localhost:PORT — a host name, not an IP, as browsers and WebAuthn expect. */
  baseUrl: string;
  port: number;
  pid: number;
  /** The DATA_DIR the server runs with. */
  dataDir: string;
  /** True while the server process has not exited. */
  running(): boolean;
  /** Everything the server wrote to stdout and stderr so far. */
  logs(): string;
  stop(): Promise<void>;
}

const nextBin = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

const PASSED_THROUGH = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

// Servers still running when the test process exits (a crash, a forgotten stop) are killed with it.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

export async function startApp(options: StartAppOptions = {}): Promise<AppServer> {
  if (!existsSync(path.join(repoRoot, '.next', 'BUILD_ID'))) {
    throw new Error('No production build found: run `npx next build` before the integration tests (`npm test` does).');
  }
  const ownDataDir = options.env?.DATA_DIR ? undefined : await mkdtemp(path.join(os.tmpdir(), 'sesame-app-'));
  const dataDir = options.env?.DATA_DIR ?? ownDataDir!;
  try {
    // Another process can grab the port between our probe and Next's bind: retry with a new one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const server = await launch(port, dataDir, ownDataDir, options);
      if (server) return server;
      if (attempt === 3) throw new Error(`Could not bind a free port after ${attempt} attempts`);
    }
  } catch (error) {
    if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Starts one server; resolves undefined if its port was taken meanwhile. */
async function launch(port: number, dataDir: string, ownDataDir: string | undefined, options: StartAppOptions): Promise<AppServer | undefined> {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production' };
  for (const name of PASSED_THROUGH) if (process.env[name]) env[name] = process.env[name];
  Object.assign(env, testServerEnv(port, dataDir), options.env);

  // Its own process group, so stop() reaches every process `next start` forks.
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const baseUrl = `http://localhost:${port}`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (running()) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    // Whatever the main process left behind in its group goes too.
    killGroup(child, 'SIGKILL');
    live.delete(child);
    if (ownDataDir) await rm(ownDataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      `the server on ${baseUrl} to answer /api/status/live`,
      async () => {
        if (!running()) throw new ServerExited(output);
        const response = await fetch(`${baseUrl}/api/status/live`, { signal: AbortSignal.timeout(2_000) });
        return response.ok ? true : undefined;
      },
      { timeoutMs: options.readyTimeoutMs ?? 60_000 },
    );
  } catch (error) {
    await stopWithoutRemovingDir();
    if (error instanceof ServerExited && /EADDRINUSE/.test(output)) return undefined;
    throw new Error(`The app server did not become ready.\n--- server output ---\n${output}`, { cause: error });
  }
  return { baseUrl, port, pid: child.pid!, dataDir, running, logs: () => output, stop };

  // A failed attempt keeps the data dir: a retry on another port uses it.
  async function stopWithoutRemovingDir() {
    stopped = true;
    if (running()) {
      killGroup(child, 'SIGKILL');
      await exited;
    }
    live.delete(child);
  }
}

class ServerExited extends GiveUp {
  constructor(output: string) {
    super(`the server exited before it was ready: ${output.slice(-500)}`);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // ESRCH: the whole group is already gone.
  }
}
