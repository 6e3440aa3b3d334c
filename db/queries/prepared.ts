import type { Executor } from '../database';

/**
 * A hot query built and prepared once per executor rather than on every call: Drizzle skips
 * building the SQL, and on a PostgreSQL server the named statement is parsed and planned once
 * per connection. (Drizzle's PGlite driver ignores the name; there the driver parses every
 * statement text once under a name of its own: db/drivers/pglite-named-statements.ts.)
 * A transaction is its own executor (its queries must run on its connection), so it
 * prepares its own copy.
 */
export function preparedPerExecutor<T>(prepare: (db: Executor) => T): (db: Executor) => T {
  const cache = new WeakMap<Executor, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) {
      prepared = prepare(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
