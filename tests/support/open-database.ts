/**
 * Child-process probe for the lock tests: opens the database configured by the
 * environment (DATA_DIR) the way the app does, prints one JSON line and exits.
 * Run with `tsx tests/support/open-database.ts`.
 */
import { closeDb, getDb } from '@/db/client';

try {
  await getDb();
  await closeDb();
  console.log(JSON.stringify({ opened: true }));
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  console.log(JSON.stringify({ opened: false, name, message }));
  process.exitCode = 1;
}
