import { ManagementApi, type CreatedUser } from '../../tests/support/oidc/management';
import { startDemoRp, type DemoRp } from '../support/demo-rp';
import { expect, test } from '../support/fixtures';

/**
 * The whole journey a person makes: a relying party (openid-client) sends them to Sesame's
 * sign-in page, they sign in, come back signed in, then sign out through RP-initiated logout.
 */
let rp: DemoRp;
let user: CreatedUser;

test.beforeAll(async ({ baseURL }) => {
  const management = await ManagementApi.connect({ baseUrl: baseURL! });
  rp = await startDemoRp();
  const application = await management.createApplication({
    name: 'Demo RP',
    type: 'Traditional',
    redirectUris: [rp.redirectUri],
    postLogoutRedirectUris: [rp.postLogoutRedirectUri],
  });
  await rp.connect(baseURL!, application);
  user = await management.createUser({ name: 'Ada Lovelace' });
});

test.afterAll(async () => {
  await rp?.close();
});

test('signs in through the sign-in page and signs out again', async ({ page, expectAccessible }) => {
  await page.goto(`${rp.origin}/login`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  await expectAccessible();

  await page.getByLabel('Email or username').fill(user.username);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Ada Lovelace');

  await page.getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed out of the demo app');
  await expect(page.getByText('state=bye')).toBeVisible();

  // The Sesame session ended too: the next sign-in asks for the password again.
  await page.goto(`${rp.origin}/login`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
});

test('keeps the identifier and explains a wrong password, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${rp.origin}/login`);
  await page.getByLabel('Email or username').fill(user.username);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText(user.username, { exact: true })).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Ada Lovelace');
  await context.close();
});

test('shows the sign-in page in Korean when the app asks with ui_locales', async ({ page }) => {
  await page.goto(`${rp.origin}/login?ui_locales=ko`);
  await expect(page).toHaveURL(/\/ko\/sign-in/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo RP에 로그인');
  await page.getByLabel('이메일 또는 사용자 이름').fill(user.username);
  await page.getByRole('button', { name: '계속' }).click();
  await page.getByLabel('비밀번호', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Ada Lovelace');
});
