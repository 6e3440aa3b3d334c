import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US' });

const switcher = (page: Page) => page.getByRole('navigation', { name: /^(Language|언어)$/ });

async function localeCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'NEXT_LOCALE')?.value;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('switching the language keeps the page and sticks for later visits', async ({ page }) => {
      await page.goto('/');
      await expect(switcher(page).getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');

      await switcher(page).getByRole('link', { name: '한국어' }).click();
      await expect(page).toHaveURL(/\/ko$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(page.getByRole('heading', { level: 1, name: 'Sesame가 실행 중입니다' })).toBeVisible();
      expect(await localeCookie(page)).toBe('ko');

      // An unprefixed visit now lands in Korean although the browser prefers English.
      await page.goto('/');
      await expect(page).toHaveURL(/\/ko$/);

      await switcher(page).getByRole('link', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sesame is running' })).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await localeCookie(page)).toBe('en');

      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
}

test('the switcher keeps the path and the query', async ({ page }) => {
  await page.goto('/some/missing/page?client_id=demo&state=xyz');
  const korean = switcher(page).getByRole('link', { name: '한국어' });
  await expect(korean).toHaveAttribute('href', '/ko/some/missing/page?client_id=demo&state=xyz');
  await expect(korean).toHaveAttribute('lang', 'ko');
  await korean.click();
  await expect(page).toHaveURL(/\/ko\/some\/missing\/page\?client_id=demo&state=xyz$/);
  await expect(page.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();
});

test('the locale cookie outlives the browser session', async ({ page }) => {
  await page.goto('/ko');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'NEXT_LOCALE');
  expect(cookie?.value).toBe('ko');
  // A session cookie has expires -1; the choice must survive a browser restart.
  expect(cookie?.expires ?? -1).toBeGreaterThan(Date.now() / 1000 + 30 * 24 * 3600);
});
