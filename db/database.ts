import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema';

export type Schema = typeof schema;

/** What every driver gives the rest of the app: one Drizzle Postgres database, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** A transaction handle; queries take `Database | Transaction` as their executor. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

export interface DriverHandle {
  kind: 'pglite' | 'pg' | 'neon';
  db: Database;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(migrationsFolder: string): Promise<void>;
  /** A cheap round trip used by the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
