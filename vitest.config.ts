import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Minimal config for the Management API suite; the test-stack branch carries the full one (projects, lint, e2e).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    environment: 'node',
    include: ['{app,lib,db}/**/*.test.ts', 'tests/api/**/*.test.ts'],
    // Each file in its own process: env() and the open database are per-process state.
    pool: 'forks',
    isolate: true,
    // A fresh PGlite data directory takes ~6 s to initialize.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
