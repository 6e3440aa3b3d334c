import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { skipRepeatedParsers, textParsers } from './pglite-parsers';

const client = await PGlite.create({ parsers: textParsers });
skipRepeatedParsers(client);
afterAll(() => client.close());

const AT = "select '2026-01-02 03:04:05+00'::timestamptz as at";
// What Drizzle passes with each query: the same pass-through parsers, a new function each time.
const drizzleParsers = () => ({ [types.TIMESTAMPTZ]: (value: string) => value, [types.DATE]: (value: string) => value });

describe('skipRepeatedParsers', () => {
  it('keeps timestamps as text, with or without the per-query parsers', async () => {
    expect((await client.query<{ at: unknown }>(AT, [], { parsers: drizzleParsers() })).rows[0]?.at).toBe('2026-01-02 03:04:05+00');
    expect((await client.query<{ at: unknown }>(AT)).rows[0]?.at).toBe('2026-01-02 03:04:05+00');
  });

  it('still applies a parser that does something else', async () => {
    const result = await client.query<{ at: unknown }>(AT, [], { parsers: { [types.TIMESTAMPTZ]: (value: string) => `parsed ${value}` } });
    expect(result.rows[0]?.at).toBe('parsed 2026-01-02 03:04:05+00');
  });

  it('applies inside transactions too', async () => {
    const at = await client.transaction(async (tx) => (await tx.query<{ at: unknown }>(AT, [], { parsers: drizzleParsers() })).rows[0]?.at);
    expect(at).toBe('2026-01-02 03:04:05+00');
  });
});
