import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('an unknown path answers 404 with a localized page that works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();

  const english = await page.goto('/no/such/page');
  expect(english?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Sesame');

  const korean = await page.goto('/ko/no/such/page');
  expect(korean?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();

  await page.getByRole('link', { name: '홈으로 이동' }).click();
  await expect(page).toHaveURL(/\/ko$/);
  await context.close();
});
