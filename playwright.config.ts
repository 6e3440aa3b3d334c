import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, defineConfig, devices } from '@playwright/test';
import { freePort } from './tests/support/free-port';
import { bootstrapAdminEnv } from './tests/support/oidc/management';
import { testServerEnv } from './tests/support/server-env';

/**
 * End-to-end journeys against the production build (`next build` first; `npm test` does it),
 * served by `next start` on a free port with a fresh embedded database.
 *
 * Playwright evaluates this file in the runner and again in every worker: the port and
 * data directory are chosen once and handed to the workers through the environment.
 */
const ownsServer = !process.env.SESAME_E2E_PORT;
process.env.SESAME_E2E_PORT ??= String(await freePort());
process.env.SESAME_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'sesame-e2e-'));
const port = Number(process.env.SESAME_E2E_PORT);
const dataDir = process.env.SESAME_E2E_DATA_DIR;
if (ownsServer) {
  // The runner exits after the web server is stopped: only then is the directory free to go.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

// WebAuthn refuses IP hosts, so browse at localhost (TOOLCHAIN.md).
const baseURL = `http://localhost:${port}`;

/** Desktop Chrome, in this machine's Chromium with the flags a headless container needs. */
const chromiumUse = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // A flaky journey is a bug to fix, not to retry.
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    // Accept-Language decides the locale of `/`: keep it fixed unless a test sets its own.
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // The sign-in experience journeys change the server's one configuration: they run in their own project, below.
      testIgnore: 'experience/**',
      use: chromiumUse,
    },
    {
      name: 'experience',
      testMatch: 'experience/**/*.spec.ts',
      // One file at a time (each file's journeys already run in order): the sign-in experience
      // configuration and the email and SMS connectors are global to the server.
      workers: 1,
      use: chromiumUse,
    },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/api/status/live`,
    // The bootstrap admin lets journeys register their demo apps and users through the Management API.
    env: { ...testServerEnv(port, dataDir), ...bootstrapAdminEnv },
    reuseExistingServer: false,
    // A fresh PGlite directory initialises in ~6 s on first use.
    timeout: 120_000,
    // SIGTERM lets the server close the embedded database and release its lock.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

/** Playwright's own Chromium when installed, else Debian's (never download one: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). */
function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `apt-get install -y chromium fonts-nanum` on Debian/Ubuntu ' +
      '(fonts-nanum renders Korean), or `npx playwright install chromium` where downloads are possible.',
  );
}
