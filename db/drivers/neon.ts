import { Pool, neonConfig } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import ws from 'ws';
import * as schema from '../schema';
import type { Database, DriverHandle } from '../database';
import { migrateUnderAdvisoryLock } from './server-migrate';
import { log } from '@/lib/http/logger';

/**
 * Neon's serverless driver over WebSocket (what Vercel deployments use). A Pool, not
 * neon-http, because the app needs interactive transactions.
 * `wsProxy` points the driver at a local WebSocket-to-TCP proxy (tests, local development).
 */
export async function openNeon(connectionString: string, wsProxy?: string): Promise<DriverHandle> {
  // Node 20 has no global WebSocket; newer runtimes do, but `ws` works everywhere.
  neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    neonConfig.wsProxy = (host, port) => `${wsProxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    // Pipelining the startup packets breaks SCRAM authentication against a plain Postgres.
    neonConfig.pipelineConnect = false;
    neonConfig.pipelineTLS = false;
  }
  const pool = new Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  pool.on('error', (error: Error) => log('warn', 'database connection lost', { detail: error.message }));
  const db = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    kind: 'neon',
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
