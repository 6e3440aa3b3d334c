import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite, type QueryOptions, type Results } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violatedUniqueConstraint } from '../unique-violation';
import { installNamedStatements, type NamedStatements } from './pglite-named-statements';
import { skipRepeatedParsers, textParsers } from './pglite-parsers';

/** A client set up as the driver sets it up, and its `query()` from before the named path. */
async function openClient(dataDir?: string, capacity?: number) {
  const client = await PGlite.create(dataDir, { parsers: textParsers });
  skipRepeatedParsers(client);
  const plain = client.query.bind(client);
  const named = installNamedStatements(client, capacity)!;
  return { client, plain, named };
}

const preparedNames = async (plain: PGlite['query']) =>
  (await plain<{ name: string }>(`select name from pg_prepared_statements where name like 'sesame\\_%' order by name`)).rows.map((row) => row.name);

describe('named statements on PGlite', () => {
  let client: PGlite;
  let plain: PGlite['query'];
  let named: NamedStatements;

  beforeAll(async () => {
    ({ client, plain, named } = await openClient());
    await client.exec(`create table items (
      id integer primary key, name text not null unique, created_at timestamptz not null, day date,
      data jsonb, active boolean not null, tags text[], scores integer[], note text)`);
  });
  afterAll(() => client.close());

  it('is installed and keeps a statement parsed after its first use', async () => {
    expect(named).toBeDefined();
    const before = named.size;
    await client.query('select $1::int as v', [1]);
    await client.query('select $1::int as v', [2]);
    expect(named.size).toBe(before + 1);
  });

  it('returns what the plain path returns: timestamps, dates, jsonb, booleans, nulls, arrays, row counts', async () => {
    const insert = `insert into items (id, name, created_at, day, data, active, tags, scores, note)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *`;
    const values = [1, 'one', new Date('2026-01-02T03:04:05.678Z'), '2026-01-02', { nested: { list: [1, 'two', null] }, flag: false }, true, ['a', 'b "quoted"', 'c,d'], [1, 2, 3], null];
    const inserted = await client.query(insert, values);
    await plain(insert, [2, 'two', ...values.slice(2)]);
    expect(inserted).toMatchObject({ command: 'INSERT', affectedRows: 1, rowCount: 1 });

    for (const options of [undefined, { rowMode: 'array' }, { rowMode: 'object', parsers: textParsers }] as Array<QueryOptions | undefined>) {
      const select = 'select * from items where id = any($1::int[]) order by id';
      const viaNamed = await client.query(select, [[1, 2]], options);
      const viaPlain = await plain(select, [[1, 2]], options);
      expect(viaNamed).toEqual(viaPlain);
    }
    const [row] = (await client.query<Record<string, unknown>>('select * from items where id = $1', [1])).rows;
    // Timestamps stay text, as Drizzle's columns expect; the rest is parsed.
    expect(row).toEqual({
      id: 1, name: 'one', created_at: '2026-01-02 03:04:05.678+00', day: '2026-01-02', data: { nested: { list: [1, 'two', null] }, flag: false },
      active: true, tags: ['a', 'b "quoted"', 'c,d'], scores: [1, 2, 3], note: null,
    });

    const update = 'update items set active = $1 where id > $2';
    expect(await client.query(update, [false, 0])).toMatchObject({ command: 'UPDATE', affectedRows: 2, rowCount: 2, rows: [] });
    expect(await client.query('select * from items where id = $1', [404])).toEqual(await plain('select * from items where id = $1', [404]));
  });

  it('raises database errors with their codes and leaves the session usable', async () => {
    const insert = 'insert into items (id, name, created_at, active) values ($1, $2, now(), true)';
    await client.query(insert, [10, 'ten']);
    const duplicate = await client.query(insert, [11, 'ten']).catch((error: unknown) => error);
    expect(duplicate).toMatchObject({ code: '23505', constraint: 'items_name_key', query: insert, params: [11, 'ten'] });
    expect(await client.query('select count(*)::int as n from items where name = $1', ['ten'])).toMatchObject({ rows: [{ n: 1 }] });
    expect(client.isInTransaction()).toBe(false);

    // A statement that fails to parse is not kept, and the next one works.
    const size = named.size;
    await expect(client.query('select nope from items where id = $1', [1])).rejects.toMatchObject({ code: '42703' });
    expect(named.size).toBe(size);
    // Failing at Bind (a value the type rejects) also leaves the session idle.
    await expect(client.query('select $1::int as v', ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    expect(await client.query('select $1::int as v', [7])).toMatchObject({ rows: [{ v: 7 }] });
  });

  it('keeps the code through Drizzle, where callers map unique violations', async () => {
    const db = drizzle({ client });
    const items = pgTable('items', { id: integer().primaryKey(), name: text().notNull() });
    const error = await db.execute(sql`insert into items (id, name, created_at, active) values (${12}, ${'ten'}, now(), true)`).catch((caught: unknown) => caught);
    expect(violatedUniqueConstraint(error)).toBe('items_name_key');
    expect(await db.select().from(items).where(eq(items.id, 10))).toEqual([{ id: 10, name: 'ten' }]);
  });

  it('runs concurrent calls one at a time, each with its own parameters and result', async () => {
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? client.query<{ v: number }>('select $1::int * 2 as v', [i])
          : i % 3 === 1
            ? plain<{ v: number }>('select $1::int * 2 as v', [i])
            : client.query<{ v: number }>('select $1::int * 2 as v from items where id = $2', [i, 1]),
      ),
    );
    expect(results.map((result) => result.rows[0]?.v)).toEqual(Array.from({ length: 60 }, (_, i) => i * 2));
  });

  it('waits for a PGlite transaction in progress instead of running inside it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedInTx = new Promise<void>((resolve) => (inserted = resolve));
    const transaction = client.transaction(async (tx) => {
      await tx.query(`insert into items (id, name, created_at, active) values (20, 'twenty', now(), true)`);
      inserted();
      await held;
      await tx.rollback();
    });
    await insertedInTx;
    let settled = false;
    const read = client.query<{ n: number }>('select count(*)::int as n from items where id = $1', [20]).then((result) => {
      settled = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    release();
    await transaction;
    // It ran after the rollback: the row never existed for it.
    expect((await read).rows).toEqual([{ n: 0 }]);
  });

  it("waits for PGlite's own query and exec, which leave the session mid-batch between their steps", async () => {
    // PGlite's query() sends Parse, then Describe, Bind and Execute, then Sync, each after an
    // await: a statement slipping in between after a failed Parse would be skipped until its
    // own Sync and answer no rows. Start one in exactly that gap, after each exchange of theirs.
    const execProtocolStream = client.execProtocolStream.bind(client);
    const during: Array<Promise<Results<{ v: number }>>> = [];
    client.execProtocolStream = (async (message: Uint8Array, options?: Parameters<PGlite['execProtocolStream']>[1]) => {
      try {
        return await execProtocolStream(message, options);
      } finally {
        during.push(client.query<{ v: number }>('select $1::int + 1 as v', [during.length]));
      }
    }) as PGlite['execProtocolStream'];
    try {
      await expect(client.query('selec 1')).rejects.toMatchObject({ code: '42601' });
      await expect(client.exec('selec 2')).rejects.toMatchObject({ code: '42601' });
    } finally {
      client.execProtocolStream = execProtocolStream;
    }
    expect(during.length).toBeGreaterThanOrEqual(4);
    expect((await Promise.all(during)).map((result) => result.rows)).toEqual(during.map((_, i) => [{ v: i + 1 }]));
  });

  it('leaves a transaction begun with a plain BEGIN to the plain path', async () => {
    const size = named.size;
    await client.exec('begin');
    await client.exec(`insert into items (id, name, created_at, active) values (21, 'twenty-one', now(), true)`);
    expect(await client.query('select name from items where id = $1 and active = $2', [21, true])).toMatchObject({ rows: [{ name: 'twenty-one' }] });
    expect(named.size).toBe(size);
    await client.exec('rollback');
    expect(await client.query('select name from items where id = $1 and active = $2', [21, true])).toMatchObject({ rows: [] });
  });

  it('parses a statement again when the server no longer has it or its columns changed', async () => {
    const select = 'select * from items where id = $1';
    await client.query(select, [1]);
    await client.exec('deallocate all');
    expect(await client.query(select, [1])).toMatchObject({ rows: [{ id: 1, name: 'one' }] });

    await client.exec('alter table items add column extra text');
    const [row] = (await client.query<Record<string, unknown>>(select, [1])).rows;
    expect(row).toMatchObject({ id: 1, extra: null });
    expect(await client.query(select, [1])).toEqual(await plain(select, [1]));
  });
});

describe('the statement cap', () => {
  it('closes the least recently used statement beyond it', async () => {
    const { client, plain, named } = await openClient(undefined, 3);
    try {
      for (const n of [1, 2, 3]) await client.query(`select $1::int + ${n} as v`, [0]);
      await client.query('select $1::int + 1 as v', [0]); // now the most recent
      await client.query('select $1::int + 4 as v', [0]); // evicts "+ 2"
      expect(named.size).toBe(3);
      expect(await preparedNames(plain)).toEqual(['sesame_1', 'sesame_3', 'sesame_4']);
      expect(await client.query('select $1::int + 2 as v', [0])).toMatchObject({ rows: [{ v: 2 }] });
      expect(await preparedNames(plain)).toHaveLength(3);
    } finally {
      await client.close();
    }
  });
});

describe('durability', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-named-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps what was written through named statements after closing and reopening', async () => {
    const first = await openClient(dataDir);
    await first.client.exec('create table notes (id integer primary key, body jsonb not null)');
    for (let id = 1; id <= 3; id++) await first.client.query('insert into notes (id, body) values ($1, $2)', [id, { id }]);
    await first.client.query('update notes set body = $1 where id = $2', [{ id: 2, edited: true }, 2]);
    await first.client.close();

    const second = await openClient(dataDir);
    try {
      expect((await second.client.query('select id, body from notes where id > $1 order by id', [0])).rows).toEqual([
        { id: 1, body: { id: 1 } },
        { id: 2, body: { id: 2, edited: true } },
        { id: 3, body: { id: 3 } },
      ]);
    } finally {
      await second.client.close();
    }
  });
});
