import { relayedDatabase } from '../../support/relayed-database';
import { everyConfigurationSuite } from './every-configuration';

// Only collected with TEST_DATABASE_URL (vitest.config.ts): the same suite through the Neon serverless driver
// (what Vercel deployments use), over a local WebSocket proxy to the PostgreSQL server.
// Flows for the stored configurations the node-postgres file leaves out.
everyConfigurationSuite('PostgreSQL through the Neon serverless driver', () => relayedDatabase('neon'), { of: 2, index: 1 });
