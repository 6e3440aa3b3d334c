import { sql } from 'drizzle-orm';
import type { Database } from '../database';

// An arbitrary constant shared by every Sesame instance: pg_advisory_lock(key) serializes migrators.
const MIGRATION_LOCK_KEY = 7_353_001;

/**
 * Runs `migrate` on one dedicated connection while holding a session-level advisory
 * lock, so several serverless instances starting at once apply each migration exactly once:
 * the others wait, then find nothing left to do.
 */
export async function migrateUnderAdvisoryLock(connection: Database, migrate: () => Promise<void>): Promise<void> {
  await connection.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    await migrate();
  } finally {
    await connection.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}
