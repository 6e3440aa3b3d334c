import { sql } from 'drizzle-orm';
import type { Database, DriverHandle } from '../database';
import { log } from '@/lib/http/logger';

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

/** What node-postgres' and Neon's pools have in common, as far as a driver handle uses them. */
interface ServerPool<Client> {
  connect(): Promise<Client>;
  query(text: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * The driver handle over a pool of connections to a PostgreSQL server (node-postgres, or Neon's
 * WebSocket driver): queries through the pool, migrations on one checked-out connection.
 */
export function serverPoolHandle<Client extends { release(): void }, Drizzle>(options: {
  kind: 'pg' | 'neon';
  pool: ServerPool<Client>;
  /** Drizzle over the pool (`client` omitted) or over one checked-out connection. */
  drizzleOver: (client?: Client) => Drizzle;
  migrate: (db: Drizzle, config: { migrationsFolder: string }) => Promise<void>;
}): DriverHandle {
  const { kind, pool, drizzleOver } = options;
  // An idle client losing its server (a restart, a failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (error) => log('warn', 'database connection lost', { detail: error.message }));
  return {
    kind,
    db: drizzleOver() as unknown as Database,
    migrate: async (migrationsFolder) => {
      const client = await pool.connect();
      try {
        const connection = drizzleOver(client);
        await migrateUnderAdvisoryLock(connection as unknown as Database, () => options.migrate(connection, { migrationsFolder }));
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}
