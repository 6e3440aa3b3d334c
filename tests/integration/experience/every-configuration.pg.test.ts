import { relayedDatabase } from '../../support/relayed-database';
import { everyConfigurationSuite } from './every-configuration';

// Only collected with TEST_DATABASE_URL (vitest.config.ts): the same suite on a real PostgreSQL server, through node-postgres.
everyConfigurationSuite('PostgreSQL through node-postgres', () => relayedDatabase('pg'));
