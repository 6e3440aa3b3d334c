import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DriverHandle } from '@/db/database';
import { rowsOf } from '../support/db-client';
import { journal, migrationsFolder, type DataLayerTarget } from './data-layer';

// Enough simultaneous starters that, without the advisory lock, two reliably collide on CREATE SCHEMA / CREATE TABLE.
const MIGRATORS = 4;

/**
 * Several instances starting at once on one fresh server database (serverless cold
 * starts): each opens its own pool, all migrate together, and all must succeed with
 * every migration recorded exactly once.
 */
export function describeConcurrentMigrations(target: DataLayerTarget, open: (env: Record<string, string>) => Promise<DriverHandle>): void {
  describe(`concurrent migrations on ${target.driver}`, () => {
    it(`lets ${MIGRATORS} instances migrate one fresh database at the same time, applying each migration once`, async () => {
      const database = await target.freshDatabase();
      const handles: DriverHandle[] = [];
      try {
        for (let i = 0; i < MIGRATORS; i++) handles.push(await open(database.env));
        const results = await Promise.allSettled(handles.map((handle) => handle.migrate(migrationsFolder)));
        expect(results.map((result) => result.status)).toEqual(handles.map(() => 'fulfilled'));

        const rows = rowsOf<{ created_at: string }>(
          await handles[0]!.db.execute(sql`select created_at::text from drizzle.__drizzle_migrations order by id`),
        );
        expect(rows.map((row) => Number(row.created_at))).toEqual(journal.map((entry) => entry.when));
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
        await database.cleanup();
      }
    });
  });
}
