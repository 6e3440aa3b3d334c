import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findGrantWithUser, insertGrant } from '@/db/queries/grants';
import { findSessionBySid, insertSession } from '@/db/queries/sessions';
import { insertRefreshToken } from '@/db/queries/tokens';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { call, expectError, startManagementApi, stopManagementApi, tokenRequest } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

/**
 * A signed-in user as the authorization endpoint leaves one: an OP session, an offline
 * grant for a confidential app, and a live refresh token.
 */
async function signedInUser(username: string) {
  const user = (await call('POST', '/api/users', { body: { username, password: 'password 123' } })).body;
  const app = (await call('POST', '/api/applications', { body: { name: 'Web', type: 'Traditional' } })).body;
  const db = await getDb();
  const now = new Date();
  const later = new Date(now.getTime() + 3_600_000);
  const sid = randomToken(16);
  await insertSession(db, { id: sha256(randomToken()), sid, userId: user.id, authTime: now, expiresAt: later });
  const grantId = randomToken(16);
  await insertGrant(db, { id: grantId, userId: user.id, applicationId: app.id, sid, scope: 'openid offline_access', offlineAccess: true, authTime: now, expiresAt: later });
  const refreshToken = randomToken();
  await insertRefreshToken(db, { tokenHash: sha256(refreshToken), grantId, applicationId: app.id, scope: 'openid offline_access', expiresAt: later });
  const refresh = (token: string) => tokenRequest(app.id, app.secret, { grant_type: 'refresh_token', refresh_token: token });
  return { user, sid, grantId, refreshToken, refresh };
}

describe('PATCH /api/users/:id/is-suspended', () => {
  it('revokes sessions, grants and refresh tokens, and they stay revoked after reinstatement', async () => {
    const session = await signedInUser('mallory');
    const refreshed = await session.refresh(session.refreshToken);
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);

    const suspended = await call('PATCH', `/api/users/${session.user.id}/is-suspended`, { body: { isSuspended: true } });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: session.user.id, isSuspended: true });
    const db = await getDb();
    expect(await findSessionBySid(db, session.sid)).toBeUndefined();
    expect((await findGrantWithUser(db, session.grantId))?.grant.revokedAt).toBeInstanceOf(Date);
    expect((await session.refresh(refreshed.body.refresh_token)).body.error).toBe('invalid_grant');

    const reinstated = await call('PATCH', `/api/users/${session.user.id}/is-suspended`, { body: { isSuspended: false } });
    expect(reinstated.body.isSuspended).toBe(false);
    // Lifting the suspension does not bring back what it ended.
    expect((await session.refresh(refreshed.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('validates the body and answers 404 for an unknown user', async () => {
    const user = (await call('POST', '/api/users', { body: { username: 'oscar' } })).body;
    expectError(await call('PATCH', `/api/users/${user.id}/is-suspended`, { body: { isSuspended: 'yes' } }), 400, 'guard.invalid_input');
    expectError(await call('PATCH', '/api/users/missing/is-suspended', { body: { isSuspended: true } }), 404, 'entity.not_exists_with_id');
  });
});

describe('DELETE /api/users/:id', () => {
  it('ends the user\'s sessions and tokens with the account', async () => {
    const session = await signedInUser('trent');
    expect((await call('DELETE', `/api/users/${session.user.id}`)).status).toBe(204);
    const db = await getDb();
    expect(await findSessionBySid(db, session.sid)).toBeUndefined();
    expect(await findGrantWithUser(db, session.grantId)).toBeUndefined();
    expect((await session.refresh(session.refreshToken)).body.error).toBe('invalid_grant');
  });
});
