import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicJwks } from '@/lib/oidc/keys';
import { ADMIN, call, clientToken, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const KEY_FIELDS = ['alg', 'createdAt', 'expiresAt', 'id', 'kid', 'retiredAt'];
type KeyInfo = { id: string; kid: string; alg: string; createdAt: number; retiredAt: number | null; expiresAt: number | null };

async function activeKids(): Promise<string[]> {
  const { body } = await call<KeyInfo[]>('GET', '/api/configs/oidc/private-keys');
  return body.filter((key) => key.retiredAt === null).map((key) => key.kid);
}

describe('/api/configs/oidc/private-keys', () => {
  it('lists the active keys with public facts only', async () => {
    const response = await call<KeyInfo[]>('GET', '/api/configs/oidc/private-keys');
    expect(response.status).toBe(200);
    expect(response.body.map((key) => key.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const key of response.body) {
      expect(Object.keys(key).sort()).toEqual(KEY_FIELDS);
      expect(key).toMatchObject({ id: key.kid, retiredAt: null, expiresAt: null });
    }
  });

  it('rotates: new keys sign, old ones stay published for the grace period, so issued tokens keep working', async () => {
    const before = (await call<KeyInfo[]>('GET', '/api/configs/oidc/private-keys')).body;
    const rotated = await call<KeyInfo[]>('POST', '/api/configs/oidc/private-keys/rotate', { body: { gracePeriod: 600 } });
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.filter((key) => key.retiredAt === null);
    const retired = rotated.body.filter((key) => key.retiredAt !== null);
    expect(fresh.map((key) => key.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(fresh.some((key) => before.some((old) => old.kid === key.kid))).toBe(false);
    expect(retired.map((key) => key.kid).sort()).toEqual(before.map((key) => key.kid).sort());
    for (const key of retired) expect(key.expiresAt! - key.retiredAt!).toBe(600_000);
    expect((await publicJwks()).keys.map((key) => key.kid).sort()).toEqual(rotated.body.map((key) => key.kid).sort());
    // The admin token was signed by a retired key: still valid during the grace period.
    expect((await call('GET', '/api/users')).status).toBe(200);
  });

  it('with a zero grace period, tokens signed by the old keys stop working at once', async () => {
    const token = await clientToken(ADMIN.clientId, ADMIN.clientSecret, { scope: 'all' });
    const signing = await activeKids();
    const rotated = await call<KeyInfo[]>('POST', '/api/configs/oidc/private-keys/rotate', { token, body: { gracePeriod: 0 } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.filter((key) => signing.includes(key.kid))).toEqual([]);
    expectError(await call('GET', '/api/users', { token }), 401, 'auth.unauthorized');
    const renewed = await clientToken(ADMIN.clientId, ADMIN.clientSecret, { scope: 'all' });
    expect((await call('GET', '/api/users', { token: renewed })).status).toBe(200);
  });

  it('takes an empty body (default grace period of a day) and validates gracePeriod', async () => {
    const token = await clientToken(ADMIN.clientId, ADMIN.clientSecret, { scope: 'all' });
    const signing = await activeKids();
    const rotated = await call<KeyInfo[]>('POST', '/api/configs/oidc/private-keys/rotate', { token, rawBody: '' });
    expect(rotated.status).toBe(200);
    const retired = rotated.body.filter((key) => signing.includes(key.kid));
    expect(retired).toHaveLength(2);
    for (const key of retired) expect(key.expiresAt! - key.retiredAt!).toBe(86_400_000);
    for (const gracePeriod of [-1, 1.5, 31 * 86_400, '60']) {
      expectError(await call('POST', '/api/configs/oidc/private-keys/rotate', { token, body: { gracePeriod } }), 400, 'guard.invalid_input');
    }
    expectError(await call('POST', '/api/configs/oidc/private-keys/rotate', { token, rawBody: '{' }), 400, 'guard.invalid_input');
  });
});
