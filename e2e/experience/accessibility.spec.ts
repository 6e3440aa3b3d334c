import { expect, test } from '../support/fixtures';
import { configure, createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * The pages at 320 px in dark mode (with axe), with the keyboard alone, and without JavaScript.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('reads well at 320 px in dark mode, and passes axe there', async ({ page, expectAccessible }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await startAtApp(page, world(), { ui_locales: 'ko' });
  await fits();
  await expectAccessible();
  await page.getByRole('button', { name: '계속' }).click();
  await expect(page.getByText('이메일 또는 사용자 이름 항목을 입력해 주세요.')).toBeVisible();
  await expectAccessible();
  await page.getByRole('link', { name: '계정 만들기' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo RP 계정 만들기');
  const email = uniqueEmail('narrow-screen-with-a-long-address');
  await page.getByLabel('이메일 또는 사용자 이름').fill(email);
  await page.getByRole('button', { name: '계속' }).click();
  await expect(page.getByLabel('인증 코드')).toBeVisible({ timeout: 15_000 });
  await fits();
  await expectAccessible();
  await page.goto('/ko/forgot-password');
  await fits();
  await expectAccessible();
});

test('can be used with the keyboard alone', async ({ page }) => {
  const password = strongPassword();
  const user = await createUser(world(), { username: `keys_${Date.now()}`, password, name: 'Keyboard User' });
  await startAtApp(page, world());
  // The identifier field has the focus on arrival.
  await page.keyboard.type(user.username!);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type('wrong password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expectSignedIn(page, 'Keyboard User');
});

test('works without JavaScript: identifier, password, and a code', async ({ browser }) => {
  const password = strongPassword();
  const email = uniqueEmail('nojs');
  const user = await createUser(world(), { username: `nojs_${Date.now()}`, primaryEmail: email, password, name: 'No Script' });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await startAtApp(page, world());
  await page.getByLabel('Email or username').fill(user.username!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'No Script');

  // A second sign-in, by a code this time (email codes enabled for the journey).
  await configure(world(), {
    signIn: {
      methods: [
        { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: true },
        { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      ],
    },
  });
  await startAtApp(page, world(), { prompt: 'login' });
  await page.getByLabel('Email or username').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  const since = new Date();
  await page.getByRole('button', { name: 'Sign in with a code instead' }).click();
  // Without JavaScript there is no countdown: asking again at once gets the server's answer.
  await page.getByRole('button', { name: 'Send a new code' }).click();
  await expect(page.getByText('You can ask for a new code in 1 minute.')).toBeVisible();
  await page.getByLabel('Verification code').fill(await world().mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(page, 'No Script');
  await context.close();
});
