import { expect, test } from '../support/fixtures';
import { createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * Magic links (one-time tokens): an invitation that signs in only after one click.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('a magic link signs its invitee in only after they confirm', async ({ page, browser, expectAccessible }) => {
  const email = uniqueEmail('invitee');
  await createUser(world(), { primaryEmail: email, password: strongPassword(), name: 'Invited Person' });
  const { token } = await world().management.call<{ token: string }>('POST', '/api/one-time-tokens', { email });
  await startAtApp(page, world(), { one_time_token: token, login_hint: email });
  await expect(page).toHaveURL(/\/magic-link$/);
  await expectAccessible();
  // Opening the page spent nothing: the token is still active.
  const [listed] = await world().management.call<{ status: string }[]>('GET', `/api/one-time-tokens?email=${encodeURIComponent(email)}`);
  expect(listed?.status).toBe('active');
  await page.getByRole('button', { name: `Continue as ${email}` }).click();
  await expectSignedIn(page, 'Invited Person');

  // Someone without an account yet registers through the link, choosing the password the settings ask for.
  const newcomer = uniqueEmail('newcomer');
  const invitation = await world().management.call<{ token: string }>('POST', '/api/one-time-tokens', { email: newcomer });
  const context = await browser.newContext();
  const other = await context.newPage();
  await startAtApp(other, world(), { one_time_token: invitation.token, login_hint: newcomer });
  await other.getByRole('button', { name: `Continue as ${newcomer}` }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  await other.getByLabel('New password').fill(strongPassword());
  await other.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(other);
  await context.close();
});
