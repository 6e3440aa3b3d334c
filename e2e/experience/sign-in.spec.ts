import { expect, test } from '../support/fixtures';
import { configure, createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * Signing in on Sesame's pages: identifier first, the password step, a one-form screen, and a
 * code for an address that has no account yet.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('signs in with a username and a password, identifier first', async ({ page, expectAccessible }) => {
  // Under the pages' Content-Security-Policy, nothing they need is blocked.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const password = strongPassword();
  const user = await createUser(world(), { username: `ada_${Date.now()}`, password, name: 'Ada Lovelace' });
  await startAtApp(page, world());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  await expectAccessible();

  await page.getByLabel('Email or username').fill(user.username!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(user.username!, { exact: true })).toBeVisible();
  await expectAccessible();
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'incorrect' })).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'Ada Lovelace');
  expect(violations).toEqual([]);
});

test('serves the sign-in pages with a Content-Security-Policy that lets only Sesame’s own script run', async ({ page }) => {
  const policy = (await page.request.get('/sign-in')).headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  // An injected inline script would not run: the policy has no 'unsafe-inline' for scripts.
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  // experience.js does run under it: it reveals the password's show/hide toggle.
  await startAtApp(page, world());
  await page.getByLabel('Email or username').fill('someone');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Show password' })).toBeVisible();
});

test('changes the identifier from the password step, and pre-fills login_hint', async ({ page }) => {
  await startAtApp(page, world(), { login_hint: 'someone@example.com' });
  await expect(page.getByLabel('Email or username')).toHaveValue('someone@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByLabel('Email or username')).toHaveValue('someone@example.com');
});

test('asks for the username and the password on one form when that is the only way in', async ({ page }) => {
  const password = strongPassword();
  const user = await createUser(world(), { username: `solo_${Date.now()}`, password, name: 'Solo User' });
  await configure(world(), {
    signUp: { identifiers: ['username'], password: true, verify: false, secondaryIdentifiers: [] },
    signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
  });
  await startAtApp(page, world());
  await page.getByLabel('Username', { exact: true }).fill(user.username!);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'Solo User');
});

test('a sign-in code for an address without an account offers to create one with it', async ({ page, expectAccessible }) => {
  await configure(world(), {
    signIn: {
      methods: [
        { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false },
        { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      ],
    },
  });
  const email = uniqueEmail('first-timer');
  await startAtApp(page, world());
  await page.getByLabel('Email or username').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await world().mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No account yet');
  await expectAccessible();
  // The address is proven already: no second code, only what the sign-up settings still ask.
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  await page.getByLabel('New password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page);
});
