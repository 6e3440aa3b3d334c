import { types, type PGlite, type QueryOptions, type Transaction } from '@electric-sql/pglite';

/**
 * Drizzle hands PGlite the same type parsers with every query (timestamps, dates and
 * intervals, and their arrays, kept as text: Drizzle's columns convert them), and PGlite
 * merges them into its own table of ~300 parsers for each query: a third of the CPU of a
 * small query. They are installed once on the instance instead, and dropped from a query's
 * options when they are exactly these pass-through parsers.
 */
const TEXT_TYPES = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];

const passThrough = (value: string) => value;
export const textParsers: Record<number, (value: string) => string> = Object.fromEntries(TEXT_TYPES.map((oid) => [oid, passThrough]));

type Parsers = NonNullable<QueryOptions['parsers']>;
const checked = new WeakMap<Parsers, boolean>();
const PROBE = '2026-01-01 00:00:00+00';

/** Whether `parsers` ask for nothing the instance does not already do (checked once per object). */
function isInstalled(parsers: Parsers): boolean {
  let installed = checked.get(parsers);
  if (installed === undefined) {
    installed = Object.entries(parsers).every(([oid, parse]) => oid in textParsers && parse(PROBE, Number(oid)) === PROBE);
    checked.set(parsers, installed);
  }
  return installed;
}

/** `options` without parsers the instance already applies (so PGlite need not merge a copy per query). */
export function withoutInstalledParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers || !isInstalled(options.parsers)) return options;
  const { parsers: _installed, ...rest } = options;
  return rest;
}

type Queryable = Pick<PGlite | Transaction, 'query'>;

function skipInstalledParsers(target: Queryable): void {
  const query = target.query.bind(target);
  target.query = ((text: string, params?: unknown[], options?: QueryOptions) => query(text, params, withoutInstalledParsers(options))) as Queryable['query'];
}

/** Applies to `client` (created with `parsers: textParsers`) and to every transaction it opens. */
export function skipRepeatedParsers(client: PGlite): void {
  skipInstalledParsers(client);
  const transaction = client.transaction.bind(client);
  client.transaction = ((callback: (tx: Transaction) => Promise<unknown>) =>
    transaction((tx) => {
      skipInstalledParsers(tx);
      return callback(tx);
    })) as PGlite['transaction'];
}
