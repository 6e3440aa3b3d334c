import { messages, parse, protocol, type PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { withoutInstalledParsers } from './pglite-parsers';

/**
 * PGlite's `query()` sends every statement as an unnamed Parse, so PostgreSQL plans it
 * again on every call: for the one-statement token redemptions planning costs five times
 * the execution. Here each distinct statement text is parsed once under a name and then
 * only bound and executed, the way a server driver's prepared statements work.
 *
 * It behaves as `query()` does: it never runs between the statements of a PGlite
 * transaction, the same serializers and result parsing, errors as PGlite's own
 * `DatabaseError` (code, constraint, ...) after a Sync that returns the session to idle,
 * and `syncToFs()` after a successful statement.
 *
 * Each exchange with PostgreSQL (Parse/Describe/Sync, or Bind/Execute/Sync) is one
 * synchronous call into the WebAssembly backend that ends idle, so between two of them the
 * session holds no protocol state. PGlite's own paths are different: a transaction
 * keeps a block open across awaits, and its `query()` spreads Parse, Bind and Execute over
 * several awaits before the Sync. So while any of those is under way (a transaction, an
 * `exec()`, a plain `query()` — counted from their call until they settle), a statement
 * takes PGlite's two locks in `query()`'s order and waits its turn; when none is, it runs at
 * once, without them: two async mutexes and a dozen promises are a good part of what a small
 * statement costs.
 */

const { serialize, Parser } = protocol;

/** The most statements kept parsed at once; the least recently used is closed beyond it. */
export const DEFAULT_STATEMENT_CAPACITY = 200;

/** Statements that can be prepared; utility commands (BEGIN, SET, DDL) keep the plain path. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

type Query = PGlite['query'];
/** `columns`: the statement's RowDescription, described once when it is parsed (undefined when it returns no rows). */
type Statement = { name: string; text: string; paramTypes: number[]; columns: messages.RowDescriptionMessage | undefined };

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
  #parser = new Parser();
  /** PGlite transactions, `exec()` and plain queries in flight (see the module comment). */
  #busy = 0;
  /** PGlite's promises for the exchanges of the statement being run (all settled when #execute returns). */
  #exchanges: Array<Promise<void>> = [];

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

  /** Runs one of PGlite's own multi-step operations, counted as under way until it settles. */
  async whileBusy<T>(operation: () => Promise<T>): Promise<T> {
    this.#busy++;
    try {
      return await operation();
    } finally {
      this.#busy--;
    }
  }

  async query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!isPreparable(text, options)) return this.whileBusy(() => this.plain<T>(text, params, options));
    const client = this.client;
    const parsed = withoutInstalledParsers(options);
    if (this.#busy === 0 && client.ready && !client.isInTransaction()) return this.#run<T>(text, params, parsed);
    await client._checkReady();
    // The order `query()` takes them in: a running PGlite transaction holds the first one
    // from BEGIN to COMMIT, so this waits for it to end instead of slipping in between.
    const outcome = await client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () =>
        // A BEGIN sent as a plain statement leaves a transaction open without PGlite's lock:
        // its statements keep the path PGlite itself would take.
        client.isInTransaction() ? FALL_BACK : this.#run<T>(text, params, parsed),
      ),
    );
    return outcome === FALL_BACK ? this.whileBusy(() => this.plain<T>(text, params, options)) : outcome;
  }

  async #run<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    // #execute is synchronous: the exchanges it pushes are this statement's alone.
    const exchanges: Array<Promise<void>> = (this.#exchanges = []);
    let outcome: { results: messages.BackendMessage[] } | { error: unknown };
    try {
      outcome = { results: this.#execute(text, params, options) };
    } catch (error) {
      outcome = { error };
    }
    // What the backend threw, if it did, says more than an incomplete exchange.
    await Promise.all(exchanges).catch((thrown: unknown) => {
      throw asQueryError(thrown, text, params, options);
    });
    if ('error' in outcome) throw asQueryError(outcome.error, text, params, options);
    const { results } = outcome;
    // What `query()` does after a statement outside a transaction: persist the data directory.
    await this.client.syncToFs();
    return parse.parseResults(results, this.client.parsers, options)[0] as Results<T>;
  }

  #execute(text: string, params: unknown[], options: QueryOptions | undefined): messages.BackendMessage[] {
    const cached = this.#statements.get(text);
    const statement = cached ?? this.#prepare(text);
    try {
      return this.#bindAndExecute(statement, params, options);
    } catch (error) {
      if (cached === undefined || !isStaleStatement(error)) throw error;
      // Prepared earlier but gone or outdated on the server: forget it and parse it again, once.
      this.#forget(statement);
      return this.#bindAndExecute(this.#prepare(text), params, options);
    }
  }

  /**
   * Parse and Describe, then Sync: the parameter types the serializers need, and the row
   * description the result parser needs (its format codes are all text, as every Bind asks).
   */
  #prepare(text: string): Statement {
    const oldest = this.#statements.size >= this.capacity ? this.#statements.entries().next().value : undefined;
    if (oldest) this.#forget(oldest[1]);
    const name = `sesame_${++this.#counter}`;
    const described = this.#exchange(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const columns = described.find((answer): answer is messages.RowDescriptionMessage => answer instanceof messages.RowDescriptionMessage);
    const statement = { name, text, paramTypes: parse.parseDescribeStatementResults(described), columns };
    this.#statements.set(text, statement);
    return statement;
  }

  /**
   * Bind, Execute and Sync, in one batch; the rows are parsed with the row description
   * described at Parse. (A schema change that alters it fails the Bind with 0A000, and the
   * statement is parsed and described again.)
   */
  #bindAndExecute(statement: Statement, params: unknown[], options: QueryOptions | undefined): messages.BackendMessage[] {
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
    // leaves the session idle; the first error is raised once the batch is done.
    const answers = this.#exchange(concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]));
    return statement.columns ? [statement.columns, ...answers] : answers;
  }

  /** Drops a statement here and on the server (closing an unknown name is not an error). */
  #forget(statement: Statement): void {
    this.#statements.delete(statement.text);
    this.#exchange(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]));
  }

  /**
   * One batch ending in Sync, run to completion by the backend before this returns (PGlite's
   * `execProtocolRawStream` does its work before its first await: without `syncToFs` it has
   * none). Its answers are parsed as PGlite's `execProtocolStream` parses them. Without the
   * ReadyForQuery that ends every completed batch the backend threw: #run reports why.
   */
  #exchange(message: Uint8Array): messages.BackendMessage[] {
    const received: messages.BackendMessage[] = [];
    let failure: messages.DatabaseError | undefined;
    let completed = false;
    const run = this.client.execProtocolRawStream(message, {
      syncToFs: false,
      onRawData: (bytes) =>
        this.#parser.parse(bytes, (answer) => {
          if (answer instanceof messages.DatabaseError) failure ??= answer;
          else if (answer instanceof messages.ReadyForQueryMessage) completed = true;
          received.push(answer);
        }),
    });
    this.#exchanges.push(run);
    if (!completed) {
      this.#parser = new Parser();
      throw new Error('PGlite did not complete the statement.');
    }
    if (failure) {
      this.#parser = new Parser();
      throw failure;
    }
    return received;
  }
}

/**
 * Sends `client`'s own statements (not those of its transactions, which PGlite runs on
 * its transaction handle) through named statements. Returns the cache, or undefined when
 * this PGlite lacks what the path relies on, in which case `query()` is left as it is.
 */
export function installNamedStatements(client: PGlite, capacity = DEFAULT_STATEMENT_CAPACITY): NamedStatements | undefined {
  const required = ['_checkReady', '_runExclusiveTransaction', '_runExclusiveQuery', 'execProtocolRawStream', 'isInTransaction', 'syncToFs', 'exec', 'transaction'] as const;
  if (!required.every((method) => typeof client[method] === 'function') || typeof client.serializers !== 'object' || typeof client.parsers !== 'object') return undefined;
  const named = new NamedStatements(client, client.query.bind(client) as Query, capacity);
  client.query = ((text: string, params?: unknown[], options?: QueryOptions) => named.query(text, params, options)) as Query;
  // PGlite's multi-step operations: named statements wait for them instead of running at once.
  const exec = client.exec.bind(client);
  client.exec = ((text: string, options?: QueryOptions) => named.whileBusy(() => exec(text, options))) as PGlite['exec'];
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: Parameters<PGlite['transaction']>[0]) => named.whileBusy(() => transaction(callback))) as PGlite['transaction'];
  return named;
}
