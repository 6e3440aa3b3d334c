import { Pool, type PoolClient, neonConfig } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import ws from 'ws';
import * as schema from '../schema';
import type { DriverHandle } from '../database';
import { serverPoolHandle } from './server-pool';

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
  return serverPoolHandle({
    kind: 'neon',
    pool,
    drizzleOver: (client?: PoolClient) => drizzle({ client: client ?? pool, schema, casing: 'snake_case' }),
    migrate,
  });
}
