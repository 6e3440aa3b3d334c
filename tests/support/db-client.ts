import { vi } from 'vitest';

export type DbClient = typeof import('@/db/client');

// Every variable that steers the driver choice; unset unless the caller gives it.
const DATABASE_VARIABLES = ['DATABASE_URL', 'DATABASE_DRIVER', 'DATA_DIR', 'NEON_WS_PROXY'] as const;

/**
 * A fresh copy of db/client.ts configured by `env`, exactly as the app would load it:
 * lib/env.ts reads process.env once per module instance, so the modules are reset first.
 * Call `closeDb()` on the previous copy before loading another.
 */
export async function loadDbClient(env: Partial<Record<(typeof DATABASE_VARIABLES)[number], string>>): Promise<DbClient> {
  vi.resetModules();
  for (const name of DATABASE_VARIABLES) vi.stubEnv(name, env[name]);
  return import('@/db/client');
}

/** The rows of a `db.execute()` result, whatever the driver (all three return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  const rows = (result as { rows?: T[] }).rows;
  if (!Array.isArray(rows)) throw new Error('db.execute() returned no rows array');
  return rows;
}

/** The SQLSTATE of a failed query: drizzle wraps driver errors, the code sits on the cause. */
export function sqlState(error: unknown): string | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
