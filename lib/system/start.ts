import { getDb, onDatabaseReady } from '@/db/client';
import { env } from '@/lib/env';
import { describeError, log } from '@/lib/http/logger';
import { seedManagementAccess } from '@/lib/oidc/bootstrap';
import { installationSecret } from '@/lib/security/secret';
import { scheduleCleanup } from './cleanup-schedule';

export async function startServer(): Promise<void> {
  // Configuration errors stop the server at once with the variable's name: a server that
  // answers 500 to everything is worse than one that does not start.
  let config: ReturnType<typeof env>;
  try {
    config = env();
    installationSecret();
  } catch (error) {
    console.error(`Sesame cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  onDatabaseReady(seedManagementAccess);
  if (!config.onVercel) scheduleCleanup();
  try {
    await getDb();
    log('info', 'database ready', { driver: config.databaseDriver });
  } catch (error) {
    log('error', 'database not ready at start; will retry on demand', { driver: config.databaseDriver, ...describeError(error) });
  }
}
