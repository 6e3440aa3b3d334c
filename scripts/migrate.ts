/**
 * `npm run db:migrate`: applies pending migrations to the configured database and exits.
 * `--if-configured` (the Vercel build) does nothing when no DATABASE_URL is set, so a
 * preview without a database still builds.
 */
import { closeDb, runMigrations } from '../db/client';
import { env } from '../lib/env';

async function main() {
  const config = env();
  if (process.argv.includes('--if-configured') && config.databaseDriver === 'pglite') {
    console.log('db:migrate: no DATABASE_URL, nothing to migrate at build time');
    return;
  }
  await runMigrations();
  console.log(`db:migrate: migrations applied (${config.databaseDriver})`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
