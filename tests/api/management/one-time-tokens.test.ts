import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { oneTimeTokens } from '@/db/schema';
import { sha256 } from '@/lib/security/crypto';
import { call, createMachineApp, clientToken, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

let counter = 0;
async function createToken(body: Record<string, unknown> = {}) {
  counter += 1;
  const response = await call('POST', '/api/one-time-tokens', { body: { email: `person${counter}@example.com`, ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Moves a token's expiry into the past, as time would. */
async function expire(id: string) {
  await (await getDb()).update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oneTimeTokens.id, id));
}

describe('POST /api/one-time-tokens', () => {
  it('creates an active token for 10 minutes by default and stores only its digest', async () => {
    const before = Date.now();
    const created = await createToken({ email: 'ada@example.com' });
    expect(created).toEqual({
      id: expect.any(String),
      email: 'ada@example.com',
      token: expect.any(String),
      context: {},
      status: 'active',
      createdAt: expect.any(Number),
      expiresAt: expect.any(Number),
    });
    expect(Buffer.from(created.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(created.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(created.expiresAt - created.createdAt).toBe(600_000);
    const [stored] = await (await getDb()).select().from(oneTimeTokens).where(eq(oneTimeTokens.id, created.id));
    expect(stored!.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('takes expiresIn (seconds) and a context', async () => {
    const context = { jitOrganizationIds: ['org-1', 'org-2'], interactionEvent: 'Register' };
    const created = await createToken({ expiresIn: 60, context });
    expect(created.expiresAt - created.createdAt).toBe(60_000);
    expect(created.context).toEqual(context);
    expect((await call('GET', `/api/one-time-tokens/${created.id}`)).body.context).toEqual(context);
  });

  it('gives two tokens for one email two different values', async () => {
    const a = await createToken({ email: 'twice@example.com' });
    const b = await createToken({ email: 'twice@example.com' });
    expect(a.token).not.toBe(b.token);
  });

  it.each([
    {},
    { email: 'not an email' },
    { email: 'a@example.com', expiresIn: 0 },
    { email: 'a@example.com', expiresIn: 1.5 },
    { email: 'a@example.com', expiresIn: '600' },
    { email: 'a@example.com', context: { jitOrganizationIds: 'org-1' } },
    { email: 'a@example.com', context: { interactionEvent: 'Continue' } },
  ])('rejects %j with 400 guard.invalid_input', async (body) => {
    expectError(await call('POST', '/api/one-time-tokens', { body }), 400, 'guard.invalid_input');
  });

  it('rejects a malformed JSON body with 400', async () => {
    expectError(await call('POST', '/api/one-time-tokens', { rawBody: '{' }), 400, 'guard.invalid_input');
  });
});

describe('GET /api/one-time-tokens', () => {
  it('lists newest first without the token, filtered by email (any case) and status, with Total-Number', async () => {
    const email = 'list@example.com';
    const first = await createToken({ email });
    const second = await createToken({ email });
    const third = await createToken({ email });
    await createToken({ email: 'other@example.com' });
    await call('PUT', `/api/one-time-tokens/${second.id}/status`, { body: { status: 'revoked' } });
    await expire(third.id);

    const all = await call('GET', `/api/one-time-tokens?email=${encodeURIComponent('LIST@example.com')}`);
    expect(all.status).toBe(200);
    expect(all.headers.get('Total-Number')).toBe('3');
    expect(all.body.map((token: { id: string }) => token.id)).toEqual([third.id, second.id, first.id]);
    expect(all.body.map((token: { status: string }) => token.status)).toEqual(['expired', 'revoked', 'active']);
    for (const token of all.body) expect(token).not.toHaveProperty('token');

    const byStatus = async (status: string) =>
      (await call('GET', `/api/one-time-tokens?email=${email}&status=${status}`)).body.map((token: { id: string }) => token.id);
    expect(await byStatus('active')).toEqual([first.id]);
    expect(await byStatus('revoked')).toEqual([second.id]);
    expect(await byStatus('expired')).toEqual([third.id]);
    expect(await byStatus('consumed')).toEqual([]);
  });

  it('paginates', async () => {
    const email = 'pages@example.com';
    for (let i = 0; i < 3; i++) await createToken({ email });
    const page = await call('GET', `/api/one-time-tokens?email=${email}&page=2&page_size=2`);
    expect(page.body).toHaveLength(1);
    expect(page.headers.get('Total-Number')).toBe('3');
  });

  it.each(['status=used', 'email=nope', 'page=0', 'page_size=101'])('rejects ?%s with 400', async (query) => {
    expectError(await call('GET', `/api/one-time-tokens?${query}`), 400, 'guard.invalid_input');
  });
});

describe('GET and DELETE /api/one-time-tokens/:id', () => {
  it('reads one token without its value, deletes it (204), then 404s', async () => {
    const created = await createToken();
    const fetched = await call('GET', `/api/one-time-tokens/${created.id}`);
    expect(fetched.body).toEqual({ ...created, token: undefined });
    expect(fetched.body).not.toHaveProperty('token');
    expect((await call('DELETE', `/api/one-time-tokens/${created.id}`)).status).toBe(204);
    expectError(await call('GET', `/api/one-time-tokens/${created.id}`), 404, 'entity.not_exists_with_id');
    expectError(await call('DELETE', `/api/one-time-tokens/${created.id}`), 404, 'entity.not_exists_with_id');
    expectError(await call('POST', '/api/one-time-tokens/verify', { body: { token: created.token, email: created.email } }), 404, 'one_time_token.token_not_found');
  });
});

describe('PUT /api/one-time-tokens/:id/status', () => {
  it('revokes a token, which then cannot be verified', async () => {
    const created = await createToken();
    const revoked = await call('PUT', `/api/one-time-tokens/${created.id}/status`, { body: { status: 'revoked' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.id, status: 'revoked' });
    expect(revoked.body).not.toHaveProperty('token');
    expectError(await call('POST', '/api/one-time-tokens/verify', { body: { token: created.token, email: created.email } }), 400, 'one_time_token.token_revoked');
  });

  it('marks a token expired', async () => {
    const created = await createToken();
    expect((await call('PUT', `/api/one-time-tokens/${created.id}/status`, { body: { status: 'expired' } })).body.status).toBe('expired');
    expectError(await call('POST', '/api/one-time-tokens/verify', { body: { token: created.token, email: created.email } }), 400, 'one_time_token.token_expired');
  });

  it('never reactivates a token (400 one_time_token.cannot_reactivate_token)', async () => {
    const created = await createToken();
    await call('POST', '/api/one-time-tokens/verify', { body: { token: created.token, email: created.email } });
    expectError(await call('PUT', `/api/one-time-tokens/${created.id}/status`, { body: { status: 'active' } }), 400, 'one_time_token.cannot_reactivate_token');
    expect((await call('GET', `/api/one-time-tokens/${created.id}`)).body.status).toBe('consumed');
  });

  it('404s for an unknown id and 400s for an unknown status', async () => {
    expectError(await call('PUT', '/api/one-time-tokens/missing/status', { body: { status: 'revoked' } }), 404, 'entity.not_exists_with_id');
    const created = await createToken();
    expectError(await call('PUT', `/api/one-time-tokens/${created.id}/status`, { body: { status: 'used' } }), 400, 'guard.invalid_input');
    expectError(await call('PUT', `/api/one-time-tokens/${created.id}/status`, { body: {} }), 400, 'guard.invalid_input');
  });
});

describe('POST /api/one-time-tokens/verify', () => {
  const verify = (token: string, email: string) => call('POST', '/api/one-time-tokens/verify', { body: { token, email } });

  it('consumes the token once: the record comes back consumed, a second verify is token_consumed', async () => {
    const created = await createToken({ email: 'once@example.com', context: { jitOrganizationIds: ['org-9'] } });
    const verified = await verify(created.token, 'Once@Example.com');
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ ...created, status: 'consumed' });
    expectError(await verify(created.token, created.email), 400, 'one_time_token.token_consumed');
    expect((await call('GET', `/api/one-time-tokens/${created.id}`)).body.status).toBe('consumed');
  });

  it('lets exactly one of many concurrent verifications win', async () => {
    const created = await createToken();
    const results = await Promise.all(Array.from({ length: 8 }, () => verify(created.token, created.email)));
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    const losers = results.filter((result) => result.status !== 200);
    expect(losers.map((result) => [result.status, result.body.code])).toEqual(Array(7).fill([400, 'one_time_token.token_consumed']));
  });

  it('refuses an expired token (derived from expiresAt), and lists it as expired', async () => {
    const created = await createToken();
    await expire(created.id);
    expectError(await verify(created.token, created.email), 400, 'one_time_token.token_expired');
    expect((await call('GET', `/api/one-time-tokens/${created.id}`)).body.status).toBe('expired');
  });

  it('refuses another email without consuming the token', async () => {
    const created = await createToken();
    expectError(await verify(created.token, 'someone-else@example.com'), 400, 'one_time_token.email_mismatch');
    expect((await verify(created.token, created.email)).status).toBe(200);
  });

  it('404s for an unknown token', async () => {
    expectError(await verify('not-a-real-token', 'ada@example.com'), 404, 'one_time_token.token_not_found');
  });

  it.each([{}, { token: '', email: 'a@example.com' }, { token: 'x' }, { token: 'x', email: 'nope' }])('rejects %j with 400', async (body) => {
    expectError(await call('POST', '/api/one-time-tokens/verify', { body }), 400, 'guard.invalid_input');
  });
});

describe('authorization', () => {
  it('answers 401 without a token and 403 without the `all` scope, before touching any token', async () => {
    const created = await createToken();
    const app = await createMachineApp();
    const weak = await clientToken(app.id, app.secret);
    for (const token of [null, weak]) {
      const expected = token === null ? [401, 'auth.authorization_header_missing'] : [403, 'auth.forbidden'];
      const answers = await Promise.all([
        call('GET', '/api/one-time-tokens', { token }),
        call('POST', '/api/one-time-tokens', { token, body: { email: 'x@example.com' } }),
        call('GET', `/api/one-time-tokens/${created.id}`, { token }),
        call('DELETE', `/api/one-time-tokens/${created.id}`, { token }),
        call('PUT', `/api/one-time-tokens/${created.id}/status`, { token, body: { status: 'revoked' } }),
        call('POST', '/api/one-time-tokens/verify', { token, body: { token: created.token, email: created.email } }),
      ]);
      for (const answer of answers) expect([answer.status, answer.body.code]).toEqual(expected);
    }
    // Nothing above consumed, revoked or deleted it.
    expect((await call('GET', `/api/one-time-tokens/${created.id}`)).body.status).toBe('active');
  });
});
