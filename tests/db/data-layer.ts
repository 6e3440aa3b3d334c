import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAttemptFindingUser } from '@/db/queries/attempt-counters';
import { findLiveInteractionWithIdentifiedUser, insertInteraction } from '@/db/queries/interactions';
import { applications, users } from '@/db/schema';
import { repoRoot } from '../support/repo-root';
import { loadDbClient, rowsOf, sqlState, type DbClient } from '../support/db-client';

export const migrationsFolder = path.join(repoRoot, 'db', 'migrations');

/** The migrations drizzle-kit generated, as the migrator records them (`created_at` is the journal's `when`). */
export const journal: Array<{ tag: string; when: number }> = JSON.parse(
  readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
).entries;

export interface FreshDatabase {
  /** DATABASE_URL / DATABASE_DRIVER / DATA_DIR / NEON_WS_PROXY for the app. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export interface DataLayerTarget {
  driver: 'pglite' | 'pg' | 'neon';
  /** A new, empty database each call. */
  freshDatabase(): Promise<FreshDatabase>;
}

export interface DataLayerContext {
  client(): DbClient;
  database(): FreshDatabase;
}

export async function appliedMigrations(client: DbClient): Promise<Array<{ hash: string; created_at: string }>> {
  const db = await client.getDb();
  return rowsOf(await db.execute(sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`));
}

/**
 * The data-layer contract every driver must keep, run once per driver through the same
 * db/client.ts the app uses. `more` adds driver-specific tests on the same database.
 */
export function describeDataLayer(target: DataLayerTarget, more?: (context: DataLayerContext) => void): void {
  describe(`data layer on ${target.driver}`, () => {
    let database: FreshDatabase | undefined;
    let client: DbClient | undefined;
    const context: DataLayerContext = {
      client: () => client ?? expect.unreachable('the client is loaded in beforeAll'),
      database: () => database ?? expect.unreachable('the database is created in beforeAll'),
    };

    beforeAll(async () => {
      database = await target.freshDatabase();
      client = await loadDbClient(database.env);
    });

    afterAll(async () => {
      await client?.closeDb();
      await database?.cleanup();
    });

    // First in the file: it is the only test that sees the database empty.
    it('applies every migration on a fresh database, and a second run is a no-op', async () => {
      await context.client().runMigrations();
      const first = await appliedMigrations(context.client());
      expect(first.map((row) => Number(row.created_at))).toEqual(journal.map((entry) => entry.when));

      await context.client().runMigrations();
      expect(await appliedMigrations(context.client())).toEqual(first);
      const db = await context.client().getDb();
      expect(await db.$count(users)).toBe(0);
    });

    it(`is reached through the ${target.driver} driver chosen from the environment`, async () => {
      const health = await context.client().checkDatabase();
      expect(health).toMatchObject({ ok: true, driver: target.driver });
    });

    it('rejects a username that differs from an existing one only in case', async () => {
      const db = await context.client().getDb();
      await db.insert(users).values({ id: randomUUID(), username: 'Alice' });
      const duplicate = db.insert(users).values({ id: randomUUID(), username: 'alice' });
      await expect(duplicate).rejects.toSatisfy((error) => sqlState(error) === '23505');
    });

    it('rejects an email that differs from an existing one only in case', async () => {
      const db = await context.client().getDb();
      await db.insert(users).values({ id: randomUUID(), primaryEmail: 'bob@example.com' });
      const duplicate = db.insert(users).values({ id: randomUUID(), primaryEmail: 'Bob@Example.COM' });
      await expect(duplicate).rejects.toSatisfy((error) => sqlState(error) === '23505');
    });

    it('keeps none of the rows written by a transaction that throws', async () => {
      const db = await context.client().getDb();
      const ids = [randomUUID(), randomUUID()];
      const failing = db.transaction(async (tx) => {
        await tx.insert(users).values({ id: ids[0]!, username: `carol-${ids[0]}` });
        await tx.insert(users).values({ id: ids[1]!, username: `dave-${ids[1]}` });
        throw new Error('abort after two inserts');
      });
      await expect(failing).rejects.toThrow('abort after two inserts');
      expect(await db.$count(users, inArray(users.id, ids))).toBe(0);
    });

    it('commits every row written by a transaction that succeeds', async () => {
      const db = await context.client().getDb();
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await tx.insert(users).values({ id, username: `erin-${id}` });
        await tx.update(users).set({ name: 'Erin' }).where(eq(users.id, id));
      });
      expect(await db.select({ name: users.name }).from(users).where(eq(users.id, id))).toEqual([{ name: 'Erin' }]);
    });

    it('counts an attempt and finds the user it names in one statement, as the two queries would', async () => {
      const db = await context.client().getDb();
      const id = randomUUID();
      await db.insert(users).values({ id, username: `Frank_${id.slice(0, 8)}` });
      const now = new Date();
      const rule = { maxFailures: 2, windowStartsAfter: new Date(now.getTime() - 3_600_000), lockUntil: new Date(now.getTime() + 600_000), now };
      const key = { action: 'password', targetHash: `target-${id}` };
      const first = await countAttemptFindingUser(db, key, rule, { type: 'username', value: `frank_${id.slice(0, 8)}` });
      expect(first).toMatchObject({ counter: { ...key, failures: 1, windowStartedAt: now, blockedUntil: null }, user: { id } });
      // The second reaches the limit: locked until lockUntil; an identifier with no account finds no user.
      const second = await countAttemptFindingUser(db, key, rule, { type: 'email', value: `nobody-${id}@example.com` });
      expect(second).toEqual({ counter: { ...key, failures: 2, windowStartedAt: now, blockedUntil: rule.lockUntil }, user: undefined });
    });

    it('reads a live interaction with the user its state identified, and none once the account is gone', async () => {
      const db = await context.client().getDb();
      const userId = randomUUID();
      const applicationId = randomUUID();
      await db.insert(users).values({ id: userId, username: `grace_${userId.slice(0, 8)}` });
      await db.insert(applications).values({ id: applicationId, name: 'App', type: 'Traditional', oidcClientMetadata: { redirectUris: [], postLogoutRedirectUris: [] } });
      const interaction = { id: randomUUID(), applicationId, params: { client_id: applicationId }, state: { identifiedUserId: userId }, createdAt: new Date(), expiresAt: new Date(Date.now() + 60_000) };
      await insertInteraction(db, interaction);
      expect(await findLiveInteractionWithIdentifiedUser(db, interaction.id)).toMatchObject({ interaction: { ...interaction, result: null }, user: { id: userId } });
      await db.delete(users).where(eq(users.id, userId));
      expect(await findLiveInteractionWithIdentifiedUser(db, interaction.id)).toMatchObject({ interaction: { id: interaction.id }, user: null });
      expect(await findLiveInteractionWithIdentifiedUser(db, interaction.id, new Date(Date.now() + 120_000))).toBeUndefined();
    });

    it('finds the rows cleanup deletes by expiry through an index on every table it sweeps, not a full scan', async () => {
      const db = await context.client().getDb();
      const swept = ['interactions', 'authorization_codes', 'access_tokens', 'refresh_tokens', 'grants', 'oidc_sessions', 'verification_codes'];
      for (const table of swept) {
        // Tables this small would be scanned anyway; with scans priced out, only a missing index leaves one.
        const plan = await db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return rowsOf<{ 'QUERY PLAN': string }>(
            await tx.execute(sql`explain select ctid from ${sql.identifier(table)} where expires_at < ${new Date().toISOString()}::timestamptz limit 100`),
          );
        });
        expect(plan.map((row) => row['QUERY PLAN']).join('\n'), table).toContain(`${table}_expires_at_idx`);
      }
    });

    more?.(context);
  });
}
