import '../../support/experience-env';
import { createTestDatabase } from '../../support/postgres';
import { racesSuite } from './races';

// Only collected with TEST_DATABASE_URL (vitest.config.ts): the races on a real PostgreSQL server,
// where two transactions really do overlap.
racesSuite('pg', async () => {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  return { close: database.drop };
});
