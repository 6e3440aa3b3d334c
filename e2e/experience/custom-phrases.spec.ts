import { expect, test } from '../support/fixtures';
import { journeyWorld, startAtApp } from './support';

/**
 * The operator's own wording (`/api/custom-phrases`) on the pages, per language, and back to
 * Sesame's once removed. The phrases changed here are ones no journey outside e2e/experience
 * reads, since those run beside this file.
 */
const world = journeyWorld();

test.afterEach(async () => {
  for (const tag of ['en', 'ko']) await world().management.request('DELETE', `/api/custom-phrases/${tag}`);
});

test('shows the operator’s wording in each language, and Sesame’s again once it is removed', async ({ page, expectAccessible }) => {
  const { management } = world();
  await management.call('PUT', '/api/custom-phrases/en', { SignIn: { noAccount: 'First time at Acme?', createAccount: 'Open an Acme account' } });
  await management.call('PUT', '/api/custom-phrases/ko', { SignIn: { createAccount: 'Acme 계정 만들기' } });

  await startAtApp(page, world());
  await expect(page.getByText('First time at Acme?')).toBeVisible();
  await expectAccessible();
  await page.getByRole('link', { name: 'Open an Acme account' }).click();
  await expect(page).toHaveURL(/\/register$/);

  // Korean keeps its own wording where the operator changed nothing, and the operator's where they did.
  await startAtApp(page, world(), { ui_locales: 'ko' });
  await expect(page.getByRole('link', { name: 'Acme 계정 만들기' })).toBeVisible();
  await expect(page.getByText('First time at Acme?')).toHaveCount(0);

  await management.call('DELETE', '/api/custom-phrases/en');
  // (The Korean visit left the browser's language cookie on Korean: ask for English.)
  await startAtApp(page, world(), { ui_locales: 'en' });
  await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
  await expect(page.getByText('First time at Acme?')).toHaveCount(0);
});
