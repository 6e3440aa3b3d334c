import type { Page } from '@playwright/test';
import { ManagementApi } from '../../tests/support/oidc/management';
import { startDemoRp, type DemoRp } from '../support/demo-rp';
import { expect, test } from '../support/fixtures';

/**
 * A third-party app's user is asked before the app gets access (OIDC Core §3.1.2.4): the
 * consent page names the app and what it asks for; Allow (a server action, with or without
 * JavaScript) finishes the sign-in at the app, Deny sends the person back with access_denied.
 */
let rp: DemoRp;
let management: ManagementApi;

test.beforeAll(async ({ baseURL }) => {
  management = await ManagementApi.connect({ baseUrl: baseURL! });
  rp = await startDemoRp();
  const application = await management.createApplication({ name: 'Partner Calendar', type: 'Traditional', redirectUris: [rp.redirectUri], isThirdParty: true });
  await rp.connect(baseURL!, application);
});

test.afterAll(async () => {
  await rp?.close();
});

/** A new person signs in at the app's request and lands on the consent page. */
async function signInToConsent(page: Page) {
  const user = await management.createUser({ name: 'Grace Hopper' });
  await page.goto(`${rp.origin}/login`);
  await page.getByLabel('Email or username').fill(user.username);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partner Calendar wants to access your account');
}

test('Allow finishes the sign-in at the third-party app', async ({ page, expectAccessible }) => {
  await signInToConsent(page);
  await expect(page.getByText('See your name, username and profile picture')).toBeVisible();
  await expectAccessible();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Grace Hopper');
});

test('Allow works without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await signInToConsent(page);
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Grace Hopper');
  await context.close();
});

test('Deny sends the person back to the app with access_denied', async ({ page }) => {
  await signInToConsent(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page).toHaveURL(new RegExp(`^${rp.redirectUri}\\?error=access_denied&`));
  await expect(page.getByText('authorization response from the server is an error')).toBeVisible();
});

test('a third-party app’s own look: its name, logo, colour and terms on the sign-in and consent pages', async ({ page, baseURL, expectAccessible }) => {
  const partner = await startDemoRp();
  try {
    const application = await management.createApplication({ name: 'cal-prod-7', type: 'Traditional', redirectUris: [partner.redirectUri], isThirdParty: true });
    await partner.connect(baseURL!, application);
    await management.call('PUT', `/api/applications/${application.id}/sign-in-experience`, {
      displayName: 'Partner Calendar Pro',
      branding: { logoUrl: 'https://partner.example/logo.png', darkLogoUrl: 'https://partner.example/logo-dark.png' },
      color: { primaryColor: '#0a7d33' },
      termsOfUseUrl: 'https://partner.example/terms',
      privacyPolicyUrl: 'https://partner.example/privacy',
    });
    const user = await management.createUser({ name: 'Katherine Johnson' });
    await page.goto(`${partner.origin}/login`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Partner Calendar Pro');
    await expect(page.getByRole('img', { name: 'Partner Calendar Pro' })).toHaveAttribute('src', 'https://partner.example/logo.png');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Terms of use' })).toHaveAttribute('href', 'https://partner.example/terms');
    const brand = await page.getByRole('button', { name: 'Continue' }).evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(brand).toBe('rgb(10, 125, 51)');

    await page.getByLabel('Email or username').fill(user.username);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partner Calendar Pro wants to access your account');
    await expect(page.getByRole('img', { name: 'Partner Calendar Pro' })).toHaveAttribute('src', 'https://partner.example/logo.png');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', 'https://partner.example/privacy');
    await expectAccessible();
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signed in as Katherine Johnson');
  } finally {
    await partner.close();
  }
});
