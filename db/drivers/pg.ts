import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from '../schema';
import type { Database, DriverHandle } from '../database';
import { migrateUnderAdvisoryLock } from './server-migrate';
import { log } from '@/lib/http/logger';

/** A PostgreSQL server through node-postgres: the self-hosting path. */
export async function openPg(connectionString: string): Promise<DriverHandle> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its server (a restart, a failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', (error) => log('warn', 'database connection lost', { detail: error.message }));
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    kind: 'pg',
    db,
    migrate: async (migrationsFolder) => {
      const client = await pool.connect();
      try {
        const connection = drizzle({ client, casing: 'snake_case' }) as unknown as Database;
        await migrateUnderAdvisoryLock(connection, () => migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder }));
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
