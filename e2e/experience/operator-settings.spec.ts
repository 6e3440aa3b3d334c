import { expect, test } from '../support/fixtures';
import { configure, createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * What the operator configures shows on the pages: branding, help links, terms, closed
 * registration, and the screen `first_screen` names.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('shows the operator’s logo and colours', async ({ page }) => {
  await configure(world(), {
    branding: {
      logoUrl: 'https://example.com/logo.png',
      darkLogoUrl: 'https://example.com/logo-dark.png',
      favicon: 'https://example.com/icon.png',
      darkFavicon: 'https://example.com/icon-dark.png',
    },
    color: { primaryColor: '#facc15', isDarkModeEnabled: true, darkPrimaryColor: '#1e3a8a' },
  });
  const tabIcons = () => page.locator('head link[rel="icon"]').evaluateAll((links) => links.map((link) => `${link.getAttribute('href')} ${link.getAttribute('media')}`));
  const expectedIcons = ['https://example.com/icon.png (prefers-color-scheme: light)', 'https://example.com/icon-dark.png (prefers-color-scheme: dark)'];
  // An App Router page (the error page) carries them too.
  await page.goto('/oidc/auth?client_id=no-such-app&response_type=code&scope=openid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn\'t continue');
  expect(await tabIcons()).toEqual(expectedIcons);
  await startAtApp(page, world());
  expect(await tabIcons()).toEqual(expectedIcons);
  await expect(page.getByRole('img', { name: 'Demo RP' })).toHaveAttribute('src', 'https://example.com/logo.png');
  const continueButton = page.getByRole('button', { name: 'Continue' });
  // A light brand colour gets black text (4.5:1), in light mode; the dark colour white text in dark mode.
  await expect(continueButton).toHaveCSS('background-color', 'rgb(250, 204, 21)');
  await expect(continueButton).toHaveCSS('color', 'rgb(0, 0, 0)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(continueButton).toHaveCSS('background-color', 'rgb(30, 58, 138)');
  await expect(continueButton).toHaveCSS('color', 'rgb(255, 255, 255)');
});

test('offers the operator’s help links, hides Powered by on request, and sends a page opened with no sign-in under way back to the app', async ({ page, browser, expectAccessible }) => {
  await configure(world(), { supportEmail: 'help@example.com', supportWebsiteUrl: 'https://example.com/help', hideLogtoBranding: true });
  await startAtApp(page, world());
  await expect(page.getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'mailto:help@example.com');
  await expect(page.getByRole('link', { name: 'Help', exact: true })).toHaveAttribute('href', 'https://example.com/help');
  await expect(page.getByText('Powered by Sesame')).toHaveCount(0);
  await expectAccessible();

  // A browser with no sign-in under way (a bookmark, a tab left open for a day): the expired page, with help at hand...
  const stranger = await browser.newPage({ locale: 'en-US' });
  await stranger.goto(new URL('/sign-in', page.url()).toString());
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('This sign-in link has expired');
  await expect(stranger.getByRole('link', { name: 'Contact support' })).toBeVisible();
  // ...or, when the operator names a page for it, straight there (here, the app, which starts a new sign-in).
  await configure(world(), { unknownSessionRedirectUrl: `${world().rp.origin}/login` });
  await stranger.goto(new URL('/register', page.url()).toString());
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  await stranger.close();
});

test('asks for agreement to the terms when the policy is Manual', async ({ page, expectAccessible }) => {
  const password = strongPassword();
  const user = await createUser(world(), { username: `terms_${Date.now()}`, password, name: 'Terms Reader' });
  await configure(world(), { termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy', agreeToTermsPolicy: 'Manual' });
  await startAtApp(page, world());
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Terms of use' })).toHaveAttribute('href', 'https://example.com/terms');
  await page.getByLabel('Email or username').fill(user.username!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Agree to the terms to continue.')).toBeVisible();
  await expectAccessible();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'Terms Reader');
});

test('offers no registration when it is closed', async ({ page }) => {
  await configure(world(), { signInMode: 'SignIn' });
  await startAtApp(page, world(), { first_screen: 'register' });
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration is closed');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
});

test('opens the screen first_screen names', async ({ page }) => {
  const cases: [Record<string, string>, RegExp, string][] = [
    [{ first_screen: 'sign_in' }, /\/sign-in$/, 'Email or username'],
    [{ first_screen: 'register' }, /\/register$/, 'Email or username'],
    [{ first_screen: 'reset_password' }, /\/forgot-password$/, 'Email'],
    [{ first_screen: 'identifier:sign_in', identifier: 'email' }, /\/sign-in$/, 'Email'],
    [{ first_screen: 'identifier:register', identifier: 'username' }, /\/register$/, 'Username'],
    [{ first_screen: 'single_sign_on' }, /\/sign-in$/, 'Email or username'],
    [{ direct_sign_in: 'social:google' }, /\/sign-in$/, 'Email or username'],
    [{ prompt: 'create' }, /\/register$/, 'Email or username'],
  ];
  for (const [params, url, label] of cases) {
    await startAtApp(page, world(), params);
    await expect(page, JSON.stringify(params)).toHaveURL(url);
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
});

test('refuses to register an email the operator blocks, saying so beside the field', async ({ page, expectAccessible }) => {
  await configure(world(), { emailBlocklistPolicy: { blockSubaddressing: true, customBlocklist: ['@competitor.test'] } });
  await startAtApp(page, world(), { first_screen: 'register' });
  const field = page.getByLabel('Email or username');
  await field.fill('someone@competitor.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/This email address can't be used here\. Use another one\./);
  await expectAccessible();

  await field.fill('ada+spare@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(field).toHaveAccessibleDescription(/Addresses with a \+tag can't be used here/);

  await field.fill(uniqueEmail('welcome'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/We sent a code to we/)).toBeVisible();
});

test('applies the operator’s stylesheet to every page, through the stable sesame-* class names', async ({ page }) => {
  await configure(world(), { customCss: '.sesame-title { letter-spacing: 3px; } .sesame-button-primary { border-radius: 0px; }' });
  await startAtApp(page, world());
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('letter-spacing', '3px');
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCSS('border-radius', '0px');
  // An App Router page (the error page) carries it too.
  await page.goto('/oidc/auth?client_id=no-such-app&response_type=code&scope=openid');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('letter-spacing', '3px');
});
