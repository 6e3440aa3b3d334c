import packageJson from '../../package.json' with { type: 'json' };
import { expect, test } from '../support/fixtures';

test.describe('status endpoint', () => {
  test('reports the version and a healthy embedded database', async ({ request }) => {
    const response = await request.get('/api/status');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({
      status: 'ok',
      version: packageJson.version,
      database: { ok: true, driver: 'pglite', latencyMs: expect.any(Number) },
    });
  });

  test('tags each answer with a request id, echoing the caller’s', async ({ request }) => {
    const generated = await request.get('/api/status');
    expect(generated.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request.get('/api/status', { headers: { 'x-request-id': 'e2e-status-check' } });
    expect(echoed.headers()['x-request-id']).toBe('e2e-status-check');
  });

  test('is never localized or redirected by the locale proxy', async ({ page }) => {
    const response = await page.goto('/api/status');
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/api/status');
    expect(JSON.parse(await page.locator('body').innerText())).toMatchObject({ status: 'ok' });
  });

  test('answers the liveness probe', async ({ request }) => {
    const response = await request.get('/api/status/live');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });
});
