import path from 'node:path';
import { env } from '@/lib/env';
import type { Database, DriverHandle } from './database';

export type { Database, Executor, Transaction } from './database';

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');

type State = { handle?: Promise<DriverHandle>; ready?: Promise<Database>; readyHooks: Array<(db: Database) => Promise<void>> };

// Kept on globalThis so that dev-mode module reloads reuse the one open database
// (a second PGlite instance on the same directory would lose writes).
const state: State = ((globalThis as { __sesameDb?: State }).__sesameDb ??= { readyHooks: [] });

/** Opens the configured driver. Each driver module is loaded only when chosen, so PGlite never loads with a URL set. */
async function openDriver(): Promise<DriverHandle> {
  const config = env();
  switch (config.databaseDriver) {
    case 'pglite':
      return (await import('./drivers/pglite')).openPglite(config.dataDir);
    case 'neon':
      return (await import('./drivers/neon')).openNeon(config.databaseUrl!, config.neonWsProxy);
    case 'pg':
      return (await import('./drivers/pg')).openPg(config.databaseUrl!);
  }
}

function driver(): Promise<DriverHandle> {
  state.handle ??= openDriver().catch((error) => {
    state.handle = undefined;
    throw error;
  });
  return state.handle;
}

/**
 * The database, migrated. The first call opens and migrates; a failure (database
 * down, say) is not cached, so the next call tries again and the app heals by itself.
 */
export function getDb(): Promise<Database> {
  state.ready ??= (async () => {
    const handle = await driver();
    await handle.migrate(migrationsFolder);
    for (const hook of state.readyHooks) await hook(handle.db);
    return handle.db;
  })().catch((error) => {
    state.ready = undefined;
    throw error;
  });
  return state.ready;
}

/** Registers work that must run once the database is migrated (seed data, bootstrap clients). */
export function onDatabaseReady(hook: (db: Database) => Promise<void>): void {
  if (!state.readyHooks.includes(hook)) state.readyHooks.push(hook);
}

export async function runMigrations(): Promise<void> {
  await (await driver()).migrate(migrationsFolder);
}

export type DatabaseHealth = { ok: true; driver: string; latencyMs: number } | { ok: false; driver: string; reason: string };

/** One round trip with a deadline: the health check must answer even when the database hangs. */
export async function checkDatabase(timeoutMs = 3_000): Promise<DatabaseHealth> {
  const kind = env().databaseDriver;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await getDb();
        await (await driver()).ping();
      })(),
      deadline,
    ]);
    return { ok: true, driver: kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, driver: kind, reason: describeDatabaseError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the database server refused the connection';
  if (code === '57P01' || code === '57P03') return 'the database server is shutting down or starting up';
  const message = error instanceof Error ? error.message : String(error);
  // Never echo connection strings (they can carry passwords).
  return message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…');
}

export async function closeDb(): Promise<void> {
  const handle = state.handle;
  state.handle = undefined;
  state.ready = undefined;
  if (handle) await (await handle).close();
}
