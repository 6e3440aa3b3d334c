import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The real-PostgreSQL suites exist only when a server is given: no skipped tests otherwise.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: {
      name: 'unit',
      // Unit tests sit beside the code they explain (STYLE.md convention 13).
      include: ['{app,lib,db,messages}/**/*.test.ts'],
      // A few lib tests open an embedded database (~6 s on first use).
      testTimeout: 30_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'db',
      // The same data-layer suite per driver, one file each, so each file gets its own env() and driver.
      include: withPostgres ? ['tests/db/**/*.test.ts'] : ['tests/db/pglite.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'api',
      // Route handlers called in-process with real Requests on a fresh PGlite per file.
      include: ['tests/api/**/*.test.ts'],
      // `*.pg.test.ts` run a suite again, in process, on the given PostgreSQL server.
      exclude: withPostgres ? [] : ['tests/api/**/*.pg.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  {
    extends: true,
    test: {
      name: 'integration',
      // Runs `next start` on the last `next build` (tests/support/app-server.ts).
      include: ['tests/integration/**/*.test.ts'],
      // `*.pg.test.ts` and `*.neon.test.ts` run a suite again on the given PostgreSQL server.
      exclude: withPostgres ? [] : ['tests/integration/db-outage.test.ts', 'tests/integration/**/*.{pg,neon}.test.ts'],
      testTimeout: 90_000,
      hookTimeout: 90_000,
      // After the CPU-heavy PGlite suites, so a server start never competes with them.
      sequence: { groupOrder: 1 },
    },
  },
];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    environment: 'node',
    // Each file in its own process: driver choice and env() are per-process state.
    pool: 'forks',
    isolate: true,
    projects,
  },
});
