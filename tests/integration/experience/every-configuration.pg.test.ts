import { relayedDatabase } from '../../support/relayed-database';
import { everyConfigurationSuite } from './every-configuration';

// Only collected with TEST_DATABASE_URL (vitest.config.ts): the same suite on a real PostgreSQL server, through node-postgres.
// It runs the flows for every other stored configuration and the Neon file for the rest, so each runs once on PostgreSQL.
everyConfigurationSuite('PostgreSQL through node-postgres', () => relayedDatabase('pg'), { of: 2, index: 0 });
