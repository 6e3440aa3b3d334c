import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { checkDatabase, getDb } from '@/db/client';
import { oneTimeTokens, users } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { expectStatus, experienceClient, verificationIdOf, type ExperienceClient } from './client';
import { configure, verifyByCode } from './codes';

/**
 * What two requests racing each other leave behind: people pressing twice, two tabs, two people
 * claiming one name. Each race must end with one winner, a typed answer for the loser (never a
 * 500), and no second or half-made account. On PGlite statements take turns; the same suite
 * runs again on a real PostgreSQL server (races.pg.test.ts), where transactions truly overlap.
 */
const PASSWORD = 'a long enough password';
let applicationId: string;

async function started(event: 'SignIn' | 'Register'): Promise<ExperienceClient> {
  const client = experienceClient(await startBrowserInteraction(applicationId));
  await expectStatus(client.start(event), 204);
  return client;
}

/** Both outcomes of a race, as status and error code (or nothing, for a success). */
async function outcomes(...pending: (Promise<Response> | Response)[]) {
  return Promise.all(
    pending.map(async (response) => {
      const settled = await response;
      const body = settled.status >= 400 ? ((await settled.json()) as { code: string }) : undefined;
      return { status: settled.status, code: body?.code };
    }),
  );
}

async function accountsWith(column: 'username' | 'primaryEmail', value: string): Promise<number> {
  const [row] = await (await getDb())
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(eq(sql`lower(${users[column]})`, value.toLowerCase()));
  return row!.count;
}

export function racesSuite(driver: 'pglite' | 'pg', database?: () => Promise<{ close(): Promise<void> }>): void {
  let opened: { close(): Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await database?.();
    applicationId = await createApplication();
  });
  beforeEach(() => configure());
  afterAll(async () => {
    vi.useRealTimers();
    await closeTestDatabase();
    await opened?.close();
  });

  describe(`racing requests (${driver})`, () => {
    it(`runs on ${driver}`, async () => {
      expect(await checkDatabase()).toMatchObject({ ok: true, driver });
    });

    it('two people claiming one username at once: one account, and the other is told the name is taken', async () => {
      const [first, second] = await Promise.all([started('Register'), started('Register')]);
      // Both checks pass while the name is free; the race is in creating the account.
      const ids = await Promise.all([first, second].map((client) => verificationIdOf(client.newPasswordIdentity({ type: 'username', value: 'racer' }, PASSWORD))));
      const results = await outcomes(first.identify({ verificationId: ids[0] }), second.identify({ verificationId: ids[1] }));
      expect(results.map((result) => result.status).sort()).toEqual([201, 422]);
      expect(results.find((result) => result.status === 422)?.code).toBe('user.username_already_in_use');
      expect(await accountsWith('username', 'racer')).toBe(1);
    });

    it('two people registering one email (each proved by a code) at once: one account', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const email = { type: 'email', value: 'Race@example.com' } as const;
      const clients = await Promise.all([started('Register'), started('Register')]);
      const ids: string[] = [];
      for (const client of clients) {
        ids.push(await verifyByCode(client, email, 'Register'));
        await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
        // Past the recipient's one-code-a-minute limit, for the second code.
        vi.setSystemTime(Date.now() + 61_000);
      }
      const results = await outcomes(clients[0]!.identify({ verificationId: ids[0] }), clients[1]!.identify({ verificationId: ids[1] }));
      expect(results.map((result) => result.status).sort()).toEqual([201, 422]);
      expect(results.find((result) => result.status === 422)?.code).toBe('user.email_already_in_use');
      expect(await accountsWith('primaryEmail', email.value)).toBe(1);
    });

    it('one browser pressing "create account" twice at once makes one account', async () => {
      const client = await started('Register');
      const verificationId = await verificationIdOf(client.newPasswordIdentity({ type: 'username', value: 'double_press' }, PASSWORD));
      const results = await outcomes(client.identify({ verificationId }), client.identify({ verificationId }));
      expect(results.some((result) => result.status === 201)).toBe(true);
      for (const result of results) expect(result.status).toBeLessThan(500);
      expect(await accountsWith('username', 'double_press')).toBe(1);
      await expectStatus(client.submit(), 200);
    });

    it('a magic link opened in two browsers at once is spent by one of them only', async () => {
      await createUser({ primaryEmail: 'invited@example.com' });
      const token = randomToken();
      await (await getDb()).insert(oneTimeTokens).values({
        id: generateId(),
        email: 'invited@example.com',
        tokenHash: sha256(token),
        context: {},
        expiresAt: new Date(Date.now() + 600_000),
      });
      const [first, second] = await Promise.all([started('SignIn'), started('SignIn')]);
      const results = await outcomes(first.verifyOneTimeToken('invited@example.com', token), second.verifyOneTimeToken('invited@example.com', token));
      expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
      expect(results.find((result) => result.status === 400)?.code).toBe('one_time_token.token_consumed');
    });

    it('one browser submitting its sign-in twice at once gets no server error, and a finished sign-in', async () => {
      await createUser({ username: 'twice', password: PASSWORD });
      const client = await started('SignIn');
      const verificationId = await verificationIdOf(client.verifyPassword({ type: 'username', value: 'twice' }, PASSWORD));
      await expectStatus(client.identify({ verificationId }), 204);
      const results = await outcomes(client.submit(), client.submit());
      expect(results.some((result) => result.status === 200)).toBe(true);
      for (const result of results) expect(result.status).toBeLessThan(500);
    });
  });
}
