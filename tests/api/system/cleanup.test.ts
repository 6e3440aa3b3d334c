import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  accessTokens,
  attemptCounters,
  authorizationCodes,
  devMessages,
  grants,
  hookDeliveries,
  hooks,
  interactions,
  oidcSessions,
  oneTimeTokens,
  refreshTokens,
  verificationCodes,
} from '@/db/schema';
import { DEFAULT_ATTEMPT_POLICY } from '@/lib/security/attempt-guard';
import { generateId } from '@/lib/security/ids';
import { deleteExpiredRows, RETENTION_MS } from '@/lib/system/cleanup';
import { call, startManagementApi, stopManagementApi } from '../../support/management';

const CRON_SECRET = 'cron-secret-for-tests-0123456789';

beforeAll(async () => {
  process.env.CRON_SECRET = CRON_SECRET;
  await startManagementApi();
});
afterAll(stopManagementApi);

const NOW = new Date();
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A user and an app to hang OIDC rows on (foreign keys). */
async function owners() {
  const user = (await call('POST', '/api/users', { body: { username: `u${generateId(8)}` } })).body;
  const app = (await call('POST', '/api/applications', { body: { name: 'Web', type: 'Traditional' } })).body;
  return { userId: user.id as string, applicationId: app.id as string };
}

async function ids(table: typeof interactions | typeof oidcSessions | typeof grants | typeof oneTimeTokens | typeof verificationCodes | typeof devMessages | typeof hookDeliveries) {
  return (await (await getDb()).select({ id: table.id }).from(table)).map((row) => row.id).sort();
}

describe('deleteExpiredRows', () => {
  it('deletes only rows past expiry (and retention), and counts them per table', async () => {
    const db = await getDb();
    const { userId, applicationId } = await owners();

    await db.insert(interactions).values([
      { id: 'interaction-expired', applicationId, params: {}, expiresAt: at(-MINUTE) },
      { id: 'interaction-live', applicationId, params: {}, expiresAt: at(MINUTE) },
    ]);
    await db.insert(oidcSessions).values([
      { id: 'session-expired', sid: 'sid-expired', userId, authTime: at(-DAY), expiresAt: at(-MINUTE) },
      { id: 'session-live', sid: 'sid-live', userId, authTime: at(-DAY), expiresAt: at(DAY) },
    ]);
    const grant = (id: string, expiresAt: Date) => ({ id, userId, applicationId, scope: 'openid', authTime: at(-DAY), expiresAt });
    await db.insert(grants).values([grant('grant-expired', at(-MINUTE)), grant('grant-live', at(DAY))]);
    const code = (codeHash: string, grantId: string, expiresAt: Date, consumedAt: Date | null = null) => ({
      codeHash,
      grantId,
      applicationId,
      redirectUri: 'https://app.example.com/cb',
      scope: 'openid',
      expiresAt,
      consumedAt,
    });
    await db.insert(authorizationCodes).values([
      code('code-long-expired', 'grant-live', at(-RETENTION_MS.authorizationCodes - MINUTE), at(-2 * HOUR)),
      // Recently expired and used: kept, so a replay still revokes the grant.
      code('code-recently-expired', 'grant-live', at(-MINUTE), at(-2 * MINUTE)),
      code('code-live', 'grant-live', at(MINUTE)),
    ]);
    const token = (tokenHash: string, grantId: string, expiresAt: Date) => ({ tokenHash, grantId, applicationId, scope: 'openid', expiresAt });
    await db.insert(accessTokens).values([
      { ...token('access-expired', 'grant-live', at(-MINUTE)), userId },
      { ...token('access-live', 'grant-live', at(HOUR)), userId },
    ]);
    await db.insert(refreshTokens).values([
      { ...token('refresh-expired', 'grant-live', at(-MINUTE)), consumedAt: at(-HOUR) },
      // Rotated (consumed) but within its absolute lifetime: kept for reuse detection.
      { ...token('refresh-rotated', 'grant-live', at(DAY)), consumedAt: at(-HOUR) },
      token('refresh-live', 'grant-live', at(DAY)),
      // Live on its own, but its grant has expired: goes with the grant.
      token('refresh-of-expired-grant', 'grant-expired', at(DAY)),
    ]);
    const counter = (targetHash: string, windowStartedAt: Date, blockedUntil: Date | null) => ({ action: 'password', targetHash, failures: 3, windowStartedAt, blockedUntil });
    await db.insert(attemptCounters).values([
      counter('lock-ended', at(-2 * HOUR), at(-MINUTE)),
      counter('locked', at(-2 * HOUR), at(5 * MINUTE)),
      counter('window-long-gone', at(-RETENTION_MS.attemptCounterWindow - MINUTE), null),
      counter('window-open', at(-10 * MINUTE), null),
    ]);
    const verification = (id: string, expiresAt: Date) => ({
      id,
      ownerId: 'interaction-live',
      channel: 'email',
      recipientHash: 'r',
      purpose: 'SignIn',
      codeHash: 'h',
      maxAttempts: 5,
      expiresAt,
    });
    await db.insert(verificationCodes).values([
      verification('verification-old', at(-RETENTION_MS.verificationCodes - MINUTE)),
      verification('verification-recent', at(-MINUTE)),
      verification('verification-live', at(10 * MINUTE)),
    ]);
    const ott = (id: string, status: string, updatedAt: Date, expiresAt: Date) => ({ id, email: 'a@example.com', tokenHash: id, status, updatedAt, expiresAt });
    const longAgo = at(-RETENTION_MS.oneTimeTokens - MINUTE);
    await db.insert(oneTimeTokens).values([
      ott('ott-consumed-long-ago', 'consumed', longAgo, at(DAY)),
      ott('ott-revoked-long-ago', 'revoked', longAgo, at(DAY)),
      ott('ott-expired-long-ago', 'active', longAgo, longAgo),
      ott('ott-consumed-recently', 'consumed', at(-HOUR), at(-HOUR)),
      ott('ott-active', 'active', longAgo, at(DAY)),
    ]);
    const message = (id: string, createdAt: Date) => ({ id, channel: 'email', recipient: 'a@example.com', purpose: 'SignIn', text: 'hi', createdAt });
    await db.insert(devMessages).values([message('message-old', at(-RETENTION_MS.devMessages - MINUTE)), message('message-new', at(-HOUR))]);
    await db.insert(hooks).values({ id: 'hook', name: 'h', events: ['PostSignIn'], url: 'https://example.com', sealedSigningKey: 'sealed' });
    const delivery = (id: string, createdAt: Date) => ({ id, hookId: 'hook', event: 'PostSignIn', succeeded: true, responseStatus: 200, createdAt });
    await db.insert(hookDeliveries).values([delivery('delivery-old', at(-RETENTION_MS.hookDeliveries - MINUTE)), delivery('delivery-new', at(-HOUR))]);

    const counts = await deleteExpiredRows(db, NOW);
    expect(counts).toEqual({
      authorizationCodes: 1,
      accessTokens: 1,
      refreshTokens: 1,
      grants: 1,
      interactions: 1,
      sessions: 1,
      attemptCounters: 2,
      verificationCodes: 1,
      oneTimeTokens: 3,
      devMessages: 1,
      hookDeliveries: 1,
    });

    expect(await ids(interactions)).toEqual(['interaction-live']);
    expect(await ids(oidcSessions)).toEqual(['session-live']);
    expect(await ids(grants)).toEqual(['grant-live']);
    expect((await db.select().from(authorizationCodes)).map((row) => row.codeHash).sort()).toEqual(['code-live', 'code-recently-expired']);
    expect((await db.select().from(accessTokens)).map((row) => row.tokenHash)).toEqual(['access-live']);
    expect((await db.select().from(refreshTokens)).map((row) => row.tokenHash).sort()).toEqual(['refresh-live', 'refresh-rotated']);
    expect((await db.select().from(attemptCounters)).map((row) => row.targetHash).sort()).toEqual(['locked', 'window-open']);
    expect(await ids(verificationCodes)).toEqual(['verification-live', 'verification-recent']);
    expect(await ids(oneTimeTokens)).toEqual(['ott-active', 'ott-consumed-recently']);
    expect(await ids(devMessages)).toEqual(['message-new']);
    expect(await ids(hookDeliveries)).toEqual(['delivery-new']);

    // A second run finds nothing left to do.
    expect(Object.values(await deleteExpiredRows(db, NOW)).every((count) => count === 0)).toBe(true);
  });

  it('deletes in batches and stops at the per-run limit; the next run goes on', async () => {
    const db = await getDb();
    const { applicationId } = await owners();
    await db.delete(interactions);
    await db.insert(interactions).values(Array.from({ length: 7 }, (_, index) => ({ id: `batch-${index}`, applicationId, params: {}, expiresAt: at(-MINUTE) })));
    expect((await deleteExpiredRows(db, NOW, { batchSize: 3, maxBatches: 2 })).interactions).toBe(6);
    expect(await ids(interactions)).toHaveLength(1);
    expect((await deleteExpiredRows(db, NOW, { batchSize: 3, maxBatches: 2 })).interactions).toBe(1);
    expect(await ids(interactions)).toEqual([]);
  });

  it('keeps attempt counters for longer than any attempt window', () => {
    expect(RETENTION_MS.attemptCounterWindow).toBeGreaterThanOrEqual(DEFAULT_ATTEMPT_POLICY.windowSeconds * 1000);
  });
});

describe('GET /api/cron/cleanup', () => {
  const cron = async (authorization?: string) => {
    const { GET } = await import('@/app/api/cron/cleanup/route');
    const headers = authorization ? { authorization } : undefined;
    const response = await GET(new Request('http://localhost:3999/api/cron/cleanup', { headers }), {});
    return { status: response.status, body: await response.json() };
  };

  it.each([undefined, 'Bearer wrong-secret-0123456789abcdef', `Basic ${CRON_SECRET}`, `Bearer ${CRON_SECRET}x`, 'Bearer '])(
    'answers 401 for authorization %j and deletes nothing',
    async (authorization) => {
      const db = await getDb();
      const { applicationId } = await owners();
      await db.insert(interactions).values({ id: generateId(), applicationId, params: {}, expiresAt: at(-MINUTE) });
      const before = (await ids(interactions)).length;
      expect(await cron(authorization)).toMatchObject({ status: 401, body: { code: 'auth.unauthorized' } });
      expect(await ids(interactions)).toHaveLength(before);
    },
  );

  it('runs the cleanup with the cron secret and answers with the counts', async () => {
    const db = await getDb();
    await db.delete(interactions);
    const { applicationId } = await owners();
    await db.insert(interactions).values({ id: 'cron-expired', applicationId, params: {}, expiresAt: at(-MINUTE) });
    const answer = await cron(`Bearer ${CRON_SECRET}`);
    expect(answer.status).toBe(200);
    expect(answer.body.deleted).toMatchObject({ interactions: 1, sessions: 0 });
    expect(await ids(interactions)).toEqual([]);
  });
});
