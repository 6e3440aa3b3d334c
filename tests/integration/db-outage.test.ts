import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemStatus } from '@/lib/system/status';
import { startApp, type AppServer } from '../support/app-server';
import { relayedDatabase, type RelayedDatabase } from '../support/relayed-database';
import { waitFor } from '../support/wait-for';

// Collected only when TEST_DATABASE_URL is set (vitest.config.ts). The app reaches PostgreSQL
// through a TCP relay that the test cuts and restores, as a network outage or a database restart would.

type Status = { code: number; body: SystemStatus };

async function status(app: AppServer): Promise<Status> {
  const response = await fetch(`${app.baseUrl}/api/status`, { signal: AbortSignal.timeout(10_000) });
  return { code: response.status, body: (await response.json()) as SystemStatus };
}

function statusBecomes(app: AppServer, code: number): Promise<Status> {
  return waitFor(
    `/api/status to answer ${code}`,
    async () => {
      const current = await status(app);
      return current.code === code ? current : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

describe.each(['pg', 'neon'] as const)('database outage and recovery (%s driver)', (driver) => {
  let database: RelayedDatabase | undefined;
  let app: AppServer | undefined;
  const server = () => app ?? expect.unreachable('started in beforeAll');

  beforeAll(async () => {
    database = await relayedDatabase(driver);
    app = await startApp({ env: database.env });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });

  it('is healthy while the database is reachable', async () => {
    expect(await status(server())).toMatchObject({ code: 200, body: { status: 'ok', database: { ok: true, driver } } });
  });

  it('answers 503 with the reason once the database is gone, and keeps running', async () => {
    await database!.relay.cut();
    const down = await statusBecomes(server(), 503);
    expect(down.body).toMatchObject({ status: 'unavailable', database: { ok: false, driver } });
    expect(down.body.database.ok === false && down.body.database.reason).toMatch(/refused the connection|terminated|closed/i);
    expect(server().running()).toBe(true);
    expect((await fetch(`${server().baseUrl}/api/status/live`)).status).toBe(200);
    // Pages still render, in Sesame's own words: custom phrases cannot be read, so they are skipped.
    const landing = await fetch(`${server().baseUrl}/`, { headers: { 'accept-language': 'en' }, signal: AbortSignal.timeout(15_000) });
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('<html lang="en"');
    expect(server().logs()).toContain('custom phrases could not be read; using the shipped messages');
  });

  it('recovers by itself when the database comes back', async () => {
    await database!.relay.restore();
    expect((await statusBecomes(server(), 200)).body).toMatchObject({ status: 'ok', database: { ok: true, driver } });
  });
});

describe('start while the database is down (pg driver)', () => {
  let database: RelayedDatabase | undefined;
  let app: AppServer | undefined;
  const server = () => app ?? expect.unreachable('started in beforeAll');

  beforeAll(async () => {
    database = await relayedDatabase('pg');
    await database.relay.cut();
    app = await startApp({ env: database.env });
  });

  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });

  it('serves 503 instead of failing to start', async () => {
    expect(await status(server())).toMatchObject({ code: 503, body: { database: { ok: false, reason: 'the database server refused the connection' } } });
    expect(server().logs()).toContain('database not ready at start; will retry on demand');
  });

  it('migrates and turns healthy once the database appears', async () => {
    await database!.relay.restore();
    expect((await statusBecomes(server(), 200)).body).toMatchObject({ status: 'ok', database: { ok: true, driver: 'pg' } });
  });
});
