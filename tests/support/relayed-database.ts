import { startNeonWsProxy, type NeonWsProxy } from './neon-ws-proxy';
import { createTestDatabase, type TestDatabase } from './postgres';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export interface RelayedDatabase {
  /** The server environment: DATABASE_URL through the relay, and for Neon its WebSocket proxy. */
  env: Record<string, string>;
  /** The TCP relay in front of PostgreSQL: `cut()` is the outage, `restore()` the recovery. */
  relay: TcpProxy;
  close(): Promise<void>;
}

/**
 * A fresh database on the TEST_DATABASE_URL server that the app reaches only through a
 * TCP relay the test controls (and, for the Neon driver, the WebSocket proxy in front of it).
 */
export async function relayedDatabase(driver: 'pg' | 'neon'): Promise<RelayedDatabase> {
  const database: TestDatabase = await createTestDatabase();
  const relay = await startTcpProxy({ host: database.host, port: database.port });
  const relayAddress = `127.0.0.1:${relay.port}`;
  const url = new URL(database.url);
  url.host = relayAddress;
  const env: Record<string, string> = { DATABASE_URL: url.toString(), DATABASE_DRIVER: driver };
  let wsProxy: NeonWsProxy | undefined;
  if (driver === 'neon') {
    wsProxy = await startNeonWsProxy({ allow: relayAddress });
    env.NEON_WS_PROXY = wsProxy.address;
  }
  return {
    env,
    relay,
    close: async () => {
      await wsProxy?.close();
      await relay.close();
      await database.drop();
    },
  };
}
