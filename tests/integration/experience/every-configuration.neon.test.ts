import { relayedDatabase } from '../../support/relayed-database';
import { everyConfigurationSuite } from './every-configuration';

// Only collected with TEST_DATABASE_URL (vitest.config.ts): the same suite through the Neon serverless driver
// (what Vercel deployments use), over a local WebSocket proxy to the PostgreSQL server.
everyConfigurationSuite('PostgreSQL through the Neon serverless driver', () => relayedDatabase('neon'));
