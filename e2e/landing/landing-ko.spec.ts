import { expect, test } from '@playwright/test';

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('/ko shows the landing page in Korean', async ({ page }) => {
    const response = await page.goto('/ko');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1, name: 'Sesame가 실행 중입니다' })).toBeVisible();
    const status = page.getByRole('region', { name: '상태' });
    await expect(status.getByText('모든 시스템이 정상입니다')).toBeVisible();
    await expect(status.getByText(/응답 시간 \d+ms/)).toBeVisible();
    const connect = page.getByRole('region', { name: '앱 연결하기' });
    await expect(connect.getByRole('link', { name: /디스커버리 문서/ })).toHaveAttribute('href', '/oidc/.well-known/openid-configuration');
    await expect(page.getByRole('navigation', { name: '언어' }).getByRole('link', { name: '한국어' })).toHaveAttribute('aria-current', 'true');
  });

  test('a browser that prefers Korean is sent from / to /ko', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/ko$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sesame가 실행 중입니다' })).toBeVisible();
  });
});

test('the Accept-Language header alone picks Korean', async ({ request }) => {
  const response = await request.get('/', { headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(new URL(response.headers()['location'] ?? '', 'http://x').pathname).toBe('/ko');
});
