import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../schema';
import type { Database, DriverHandle } from '../database';
import { acquireDataDirLock } from './data-dir-lock';
import { installNamedStatements } from './pglite-named-statements';
import { skipRepeatedParsers, textParsers } from './pglite-parsers';

/** The embedded default: PostgreSQL compiled to WebAssembly, stored in the data directory. */
export async function openPglite(dataDir: string): Promise<DriverHandle> {
  const dir = path.resolve(/* turbopackIgnore: true */ process.cwd(), dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  // PGlite has no cross-process locking: two openers silently lose writes, so refuse the second.
  const lock = await acquireDataDirLock(dir);
  let client: PGlite;
  try {
    client = await PGlite.create(dir, { parsers: textParsers });
  } catch (error) {
    await lock.release();
    throw error;
  }
  skipRepeatedParsers(client);
  // Parsed and planned once per statement text instead of on every call (the token
  // redemptions spend most of their time planning otherwise).
  installNamedStatements(client);
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    // Only one process can hold the lock, so no cross-process migration race is possible here.
    migrate: (migrationsFolder) => migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      await lock.release();
    },
  };
}
