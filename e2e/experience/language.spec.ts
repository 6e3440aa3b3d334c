import { expect, test } from '../support/fixtures';
import { configure, journeyWorld, startAtApp } from './support';

/**
 * The pages' language: the app's ui_locales, the browser's, and the operator's fallback.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('speaks the language the app asks for, even to a browser that prefers another', async ({ browser }) => {
  for (const [uiLocales, expected] of [['en', 'en'], [undefined, 'ko']] as const) {
    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await startAtApp(page, world(), uiLocales ? { ui_locales: uiLocales } : {});
    // Without ui_locales the browser's language wins (auto-detect is on by default).
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page).toHaveURL(expected === 'en' ? /\/\/[^/]+\/sign-in$/ : /\/ko\/sign-in$/);
    await context.close();
  }
});

test('with auto-detect off, shows the operator’s fallback language whatever the browser prefers', async ({ page }) => {
  await configure(world(), { languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
  await startAtApp(page, world());
  await expect(page).toHaveURL(/\/ko\/sign-in$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  // The app's own ui_locales still wins.
  await startAtApp(page, world(), { ui_locales: 'en' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
