import { getDb, onDatabaseReady } from '@/db/client';
import { env } from '@/lib/env';
import { describeError, log } from '@/lib/http/logger';
import { seedManagementAccess } from '@/lib/oidc/bootstrap';
import { installationSecret } from '@/lib/security/secret';

export async function startServer(): Promise<void> {
  // Configuration errors stop the server at once with the variable's name.
  const config = env();
  installationSecret();
  onDatabaseReady(seedManagementAccess);
  try {
    await getDb();
    log('info', 'database ready', { driver: config.databaseDriver });
  } catch (error) {
    log('error', 'database not ready at start; will retry on demand', { driver: config.databaseDriver, ...describeError(error) });
  }
}
