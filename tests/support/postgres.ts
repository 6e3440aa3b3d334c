import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { throwError } from './throw-error';

/** The real PostgreSQL server given to the test run, if any (CI sets it; see .ci/run). */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export function requireTestDatabaseUrl(): string {
  return testDatabaseUrl ?? throwError('TEST_DATABASE_URL is not set, so the PostgreSQL suites should not have been collected');
}

export interface TestDatabase {
  /** Connection string of the fresh database (same server and credentials as TEST_DATABASE_URL). */
  url: string;
  name: string;
  host: string;
  port: number;
  /** Drops the database, closing any connection still open on it. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the TEST_DATABASE_URL server, so suites running at the
 * same time (or on other worktrees of this machine) never see each other's rows or migrations.
 */
export async function createTestDatabase(serverUrl = requireTestDatabaseUrl()): Promise<TestDatabase> {
  const name = `sesame_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    host: url.hostname,
    port: Number(url.port || 5432),
    drop: () => withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
