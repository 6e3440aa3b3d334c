import { messages, parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { withoutInstalledParsers } from './pglite-parsers';

/**
 * PGlite's `query()` sends every statement as an unnamed Parse, so PostgreSQL plans it
 * again on every call: for the one-statement token redemptions planning costs five times
 * the execution. Here each distinct statement text is parsed once under a name and then
 * only bound and executed, the way a server driver's prepared statements work.
 *
 * It behaves as `query()` does: the same two PGlite locks in the same order (so it never
 * runs between the statements of a PGlite transaction), the same serializers and result
 * parsing, errors as PGlite's own `DatabaseError` (code, constraint, ...) after a Sync that
 * returns the session to idle, and `syncToFs()` after a successful statement.
 */

const { serialize } = protocol;

/** The most statements kept parsed at once; the least recently used is closed beyond it. */
export const DEFAULT_STATEMENT_CAPACITY = 200;

/** Statements that can be prepared; utility commands (BEGIN, SET, DDL) keep the plain path. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

type Query = PGlite['query'];
type Statement = { name: string; text: string; paramTypes: number[] };

/** Answered under the locks when a transaction is open: the caller then takes the plain path. */
const FALL_BACK = Symbol('fall back to query()');

/** PostgreSQL's answers that mean "parse it again": nothing was executed (both come from Bind). */
function isStaleStatement(error: unknown): boolean {
  if (!(error instanceof messages.DatabaseError)) return false;
  // 26000: the name is unknown (DEALLOCATE ALL, a new backend); 0A000 with this message:
  // a schema change altered the statement's result columns.
  return error.code === '26000' || (error.code === '0A000' && error.message.includes('cached plan must not change result type'));
}

/** The same decoration PGlite's `query()` gives a failed statement. */
function asQueryError(error: unknown, query: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error instanceof messages.DatabaseError) Object.assign(error, { query, params, queryOptions: options });
  return error;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Whether this statement and these options can take the named path; anything unusual stays plain. */
function isPreparable(text: string, options: QueryOptions | undefined): boolean {
  if (!PREPARABLE.test(text)) return false;
  if (!options) return true;
  return options.blob === undefined && options.paramTypes === undefined && options.onNotice === undefined && (options.rowMode === undefined || options.rowMode === 'array' || options.rowMode === 'object');
}

export class NamedStatements {
  /** Statement text → its server-side name; Map order is recency (oldest first). */
  readonly #statements = new Map<string, Statement>();
  #counter = 0;

  constructor(
    private readonly client: PGlite,
    private readonly plain: Query,
    private readonly capacity = DEFAULT_STATEMENT_CAPACITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('The statement capacity must be a positive integer.');
  }

  /** How many statements are parsed under a name right now (for tests and diagnostics). */
  get size(): number {
    return this.#statements.size;
  }

  async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!isPreparable(text, options)) return this.plain<T>(text, params, options);
    const client = this.client;
    await client._checkReady();
    // The order `query()` takes them in: a running PGlite transaction holds the first one
    // from BEGIN to COMMIT, so this waits for it to end instead of slipping in between.
    const outcome = await client._runExclusiveTransaction(() => client._runExclusiveQuery(() => this.#runLocked<T>(text, params, withoutInstalledParsers(options))));
    return outcome === FALL_BACK ? this.plain<T>(text, params, options) : outcome;
  }

  async #runLocked<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T> | typeof FALL_BACK> {
    // A BEGIN sent as a plain statement leaves a transaction open without PGlite's lock:
    // its statements keep the path PGlite itself would take.
    if (this.client.isInTransaction()) return FALL_BACK;
    let results: messages.BackendMessage[];
    try {
      results = await this.#execute(text, params, options);
    } catch (error) {
      throw asQueryError(error, text, params, options);
    }
    // What `query()` does after a statement outside a transaction: persist the data directory.
    await this.client.syncToFs();
    return parse.parseResults(results, this.client.parsers, options)[0] as Results<T>;
  }

  async #execute(text: string, params: unknown[], options: QueryOptions | undefined): Promise<messages.BackendMessage[]> {
    const cached = this.#statements.get(text);
    const statement = cached ?? (await this.#prepare(text));
    try {
      return await this.#bindAndExecute(statement, params, options);
    } catch (error) {
      if (cached === undefined || !isStaleStatement(error)) throw error;
      // Prepared earlier but gone or outdated on the server: forget it and parse it again, once.
      await this.#forget(statement);
      return this.#bindAndExecute(await this.#prepare(text), params, options);
    }
  }

  /** Parse and Describe (for the parameter types the serializers need), then Sync. */
  async #prepare(text: string): Promise<Statement> {
    const oldest = this.#statements.size >= this.capacity ? this.#statements.entries().next().value : undefined;
    if (oldest) await this.#forget(oldest[1]);
    const name = `sesame_${++this.#counter}`;
    const described = await this.client.execProtocolStream(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]), { syncToFs: false });
    const statement = { name, text, paramTypes: parse.parseDescribeStatementResults(described) };
    this.#statements.set(text, statement);
    return statement;
  }

  /** Bind, Describe the portal (the row description the parser needs), Execute and Sync, in one batch. */
  async #bindAndExecute(statement: Statement, params: unknown[], options: QueryOptions | undefined): Promise<messages.BackendMessage[]> {
    // Most recently used last.
    this.#statements.delete(statement.text);
    this.#statements.set(statement.text, statement);
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const oid = statement.paramTypes[i];
      const serializeParam = oid === undefined ? undefined : (options?.serializers?.[oid] ?? this.client.serializers[oid]);
      return serializeParam ? serializeParam(param) : (param as { toString(): string }).toString();
    });
    // After an error PostgreSQL skips to the Sync, which ends the implicit transaction and
    // leaves the session idle; PGlite reports the first error once the batch is done.
    return this.client.execProtocolStream(
      concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
  }

  /** Drops a statement here and on the server (closing an unknown name is not an error). */
  async #forget(statement: Statement): Promise<void> {
    this.#statements.delete(statement.text);
    await this.client.execProtocolStream(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false });
  }
}

/**
 * Sends `client`'s own statements (not those of its transactions, which PGlite runs on
 * its transaction handle) through named statements. Returns the cache, or undefined when
 * this PGlite lacks what the path relies on, in which case `query()` is left as it is.
 */
export function installNamedStatements(client: PGlite, capacity = DEFAULT_STATEMENT_CAPACITY): NamedStatements | undefined {
  const required = ['_checkReady', '_runExclusiveTransaction', '_runExclusiveQuery', 'execProtocolStream', 'isInTransaction', 'syncToFs'] as const;
  if (!required.every((method) => typeof client[method] === 'function') || typeof client.serializers !== 'object' || typeof client.parsers !== 'object') return undefined;
  const named = new NamedStatements(client, client.query.bind(client) as Query, capacity);
  client.query = ((text: string, params?: unknown[], options?: QueryOptions) => named.query(text, params, options)) as Query;
  return named;
}
