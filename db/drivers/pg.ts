import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from '../schema';
import type { DriverHandle } from '../database';
import { serverPoolHandle } from './server-pool';

/** A PostgreSQL server through node-postgres: the self-hosting path. */
export async function openPg(connectionString: string): Promise<DriverHandle> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  return serverPoolHandle({
    kind: 'pg',
    pool,
    drizzleOver: (client?: pg.PoolClient) => drizzle({ client: client ?? pool, schema, casing: 'snake_case' }),
    migrate,
  });
}
