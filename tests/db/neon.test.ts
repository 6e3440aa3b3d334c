import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNeon } from '@/db/drivers/neon';
import { startNeonWsProxy, type NeonWsProxy } from '../support/neon-ws-proxy';
import { createTestDatabase, requireTestDatabaseUrl } from '../support/postgres';
import { describeConcurrentMigrations } from './concurrent-migrations';
import { describeDataLayer, type DataLayerTarget } from './data-layer';

// Collected only when TEST_DATABASE_URL is set (vitest.config.ts): the production (Vercel) driver,
// @neondatabase/serverless, speaking WebSocket to a local proxy in front of the real PostgreSQL.
let proxy: NeonWsProxy | undefined;

beforeAll(async () => {
  const server = new URL(requireTestDatabaseUrl());
  proxy = await startNeonWsProxy({ allow: `${server.hostname}:${server.port || 5432}` });
});

afterAll(async () => {
  await proxy?.close();
});

const target: DataLayerTarget = {
  driver: 'neon',
  async freshDatabase() {
    const database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, DATABASE_DRIVER: 'neon', NEON_WS_PROXY: proxy!.address };
    return { env, cleanup: database.drop };
  },
};

describeDataLayer(target);
describeConcurrentMigrations(target, (env) => openNeon(env.DATABASE_URL!, env.NEON_WS_PROXY));

describe('neon WebSocket proxy', () => {
  it('carried the connections of the suites above', () => {
    expect(proxy!.connections()).toBeGreaterThan(0);
  });
});
