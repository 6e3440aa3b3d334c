import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('the landing page says what this server is and shows its live status', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Sesame');

  await expect(page.getByRole('heading', { level: 1, name: 'Sesame is running' })).toBeVisible();
  await expect(page.getByText('OpenID Connect provider')).toBeVisible();

  const status = page.getByRole('region', { name: 'Status' });
  await expect(status.getByText('All systems operational')).toBeVisible();
  await expect(status.getByRole('definition').first()).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(status.getByText(/answered in \d+ ms/)).toBeVisible();
});

test('the landing page gives the issuer and links to the public endpoints', async ({ page, baseURL }) => {
  await page.goto('/');
  const connect = page.getByRole('region', { name: 'Connect an app' });
  await expect(connect.getByText(/^https?:\/\/.+\/oidc$/)).toBeVisible();
  await expect(connect.getByRole('link', { name: /Discovery document/ })).toHaveAttribute('href', '/oidc/.well-known/openid-configuration');
  await expect(connect.getByRole('link', { name: /Signing keys \(JWKS\)/ })).toHaveAttribute('href', '/oidc/jwks');
  await expect(connect.getByRole('link', { name: /Status endpoint/ })).toHaveAttribute('href', '/api/status');
  await expect(page.getByRole('region', { name: 'Documentation' })).toContainText('README.md');

  // The status link leads to the JSON the page summarises.
  const status = await page.request.get(new URL('/api/status', baseURL).toString());
  expect(status.status()).toBe(200);
  expect(await status.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});

test('the landing page works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sesame is running' })).toBeVisible();
  await expect(page.getByText('All systems operational')).toBeVisible();
  await context.close();
});
