import { openPg } from '@/db/drivers/pg';
import { createTestDatabase } from '../support/postgres';
import { describeConcurrentMigrations } from './concurrent-migrations';
import { describeDataLayer, type DataLayerTarget } from './data-layer';

// Collected only when TEST_DATABASE_URL is set (vitest.config.ts): a real PostgreSQL through node-postgres.
const target: DataLayerTarget = {
  driver: 'pg',
  async freshDatabase() {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url, DATABASE_DRIVER: 'pg' }, cleanup: database.drop };
  },
};

describeDataLayer(target);
describeConcurrentMigrations(target, (env) => openPg(env.DATABASE_URL!));
