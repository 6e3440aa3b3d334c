import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

describe('POST /api/sentinel-activities/delete', () => {
  it('unlocks identifiers (204), locked or not', async () => {
    const response = await call('POST', '/api/sentinel-activities/delete', { body: { targetType: 'User', targets: ['ada', 'ada@example.com', '+82 10-1234-5678'] } });
    expect(response.status).toBe(204);
  });

  it('refuses apps, which Sesame never locks, and malformed lists', async () => {
    for (const body of [{ targetType: 'App', targets: ['app-id'] }, { targetType: 'User', targets: [] }, { targetType: 'User', targets: [''] }, { targets: ['ada'] }]) {
      expectError(await call('POST', '/api/sentinel-activities/delete', { body }), 400, 'guard.invalid_input');
    }
  });
});

describe('sentinelPolicy in the sign-in experience', () => {
  it('is stored, read back and can be cleared back to the defaults', async () => {
    const set = await call('PATCH', '/api/sign-in-exp', { body: { sentinelPolicy: { maxAttempts: 20, lockoutDuration: 30 } } });
    expect(set.body.sentinelPolicy).toEqual({ maxAttempts: 20, lockoutDuration: 30 });
    expect((await call('GET', '/api/sign-in-exp')).body.sentinelPolicy).toEqual({ maxAttempts: 20, lockoutDuration: 30 });
    expect((await call('PATCH', '/api/sign-in-exp', { body: { sentinelPolicy: {} } })).body.sentinelPolicy).toEqual({});
  });

  it('refuses numbers it cannot honour, and keys it does not know', async () => {
    for (const sentinelPolicy of [{ maxAttempts: 0 }, { lockoutDuration: 1441 }, { maxAttempts: 2.5 }, { lockoutMinutes: 5 }]) {
      expectError(await call('PATCH', '/api/sign-in-exp', { body: { sentinelPolicy } }), 400, 'guard.invalid_input');
    }
  });
});
