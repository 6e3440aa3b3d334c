import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/tests/support/empty-module.ts` },
    ],
  },
  test: {
    environment: 'node',
    // Each file in its own process: env() and the open database are per-process state.
    pool: 'forks',
    isolate: true,
    include: ['{app,lib,db}/**/*.test.ts', 'tests/api/**/*.test.ts'],
    // A fresh PGlite directory takes ~6 s to initialise, and argon2id is slow on purpose.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
