import { expect, test } from '../support/fixtures';
import { createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * Resetting a forgotten password by a code, and the same answer for an address no account uses.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('resets a forgotten password with a code, then signs in with the new one', async ({ page, expectAccessible }) => {
  const email = uniqueEmail('reset');
  const oldPassword = strongPassword();
  await createUser(world(), { primaryEmail: email, password: oldPassword, name: 'Forgetful' });
  await startAtApp(page, world());
  await page.getByLabel('Email or username').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Forgot password?' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await expectAccessible();
  // The address the sign-in started with is already there; nothing was sent before asking.
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  expect(world().mail.messages.filter((message) => message.to.includes(email.toLowerCase()))).toEqual([]);
  const since = new Date();
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('Verification code').fill(await world().mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();

  const password = strongPassword();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  // The policy and the current password are checked on the server, each answer beside the field.
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByLabel('New password').fill(oldPassword);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('Choose a password different from your current one.')).toBeVisible();
  await expect(page.getByLabel('New password')).toBeFocused();
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Password changed');
  await page.getByRole('link', { name: 'Sign in' }).click();

  await page.getByLabel('Email or username').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'Forgetful');
});

test('an unknown address gets the same answer and no email on password reset', async ({ page }) => {
  const email = uniqueEmail('nobody');
  await startAtApp(page, world(), { first_screen: 'reset_password' });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByLabel('Verification code')).toBeVisible();
  await page.getByLabel('Verification code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();
  expect(world().mail.messages.filter((message: { to: string[] }) => message.to.includes(email))).toEqual([]);
});
