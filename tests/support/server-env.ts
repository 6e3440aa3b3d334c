/** The secret every test server runs with (SESAME_SECRET must be at least 32 characters). */
export const TEST_SECRET = 'sesame-test-secret-not-for-production-0123456789';

/**
 * The environment of a production test server (Vitest harness and Playwright alike):
 * the embedded database in `dataDir` unless the caller adds DATABASE_URL.
 * Empty strings count as unset (lib/env-schema.ts), which blanks a developer's own
 * DATABASE_URL when this is merged over process.env.
 */
export function testServerEnv(port: number, dataDir: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    APP_URL: '',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    DATABASE_DRIVER: '',
    NEON_WS_PROXY: '',
    SESAME_SECRET: TEST_SECRET,
    // Tests run their upstream identity providers and mail servers on 127.0.0.1.
    ALLOW_PRIVATE_OUTBOUND: '1',
  };
}
