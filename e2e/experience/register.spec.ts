import { expect, test } from '../support/fixtures';
import { expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail } from './support';

/**
 * Creating an account: an email proven by a code caught by a real SMTP server, a username
 * with a password, and the same in Korean.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

test('registers with an email proven by a code from a real SMTP server, then a password', async ({ page, expectAccessible }) => {
  const email = uniqueEmail('grace');
  // The page's clock, so the resend countdown can be fast-forwarded.
  await page.clock.install();
  await startAtApp(page, world());
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your Demo RP account');
  await expectAccessible();
  await page.getByLabel('Email or username').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByText(/We sent a code to gr/)).toBeVisible();
  await expectAccessible();
  // The server sends one code a minute per address, and "Send a new code" counts that minute
  // down, doing nothing meanwhile.
  const counting = page.getByRole('button', { name: /^Send a new code in 0:[0-5]\d$/ });
  await expect(counting).toHaveAttribute('aria-disabled', 'true');
  await counting.click({ force: true });
  await page.clock.fastForward(2_000);
  await expect(page.getByText('You can ask for a new code in 1 minute.')).toBeHidden();
  // Once the minute is up on the page's clock the button wakes. (The server's minute is not up
  // yet: asking now gets its answer, the countdown resumes, and the first code still works.)
  await page.clock.fastForward(60_000);
  const resend = page.getByRole('button', { name: 'Send a new code', exact: true });
  await expect(resend).not.toHaveAttribute('aria-disabled');
  await resend.click();
  await expect(page.getByText('You can ask for a new code in 1 minute.')).toBeVisible();
  await expect(counting).toHaveAttribute('aria-disabled', 'true');
  await page.getByLabel('Verification code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();
  await page.getByLabel('Verification code').fill(await world().mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  // What only the server can check is named before the first try.
  await expect(page.getByText('Not allowed: common passwords, repeated characters or sequences (aaaa, 1234), and your own details (name, email, phone number, username).')).toBeVisible();
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByLabel('New password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page);
});

test('registers with a username and a password (first_screen=identifier:register)', async ({ page }) => {
  const username = `reg_${Date.now()}`;
  await startAtApp(page, world(), { first_screen: 'identifier:register', identifier: 'username' });
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByRole('button', { name: 'Continue' }).click();
  // The rules under the field tick as they are met (public/experience.js); the server decides.
  const lengthRule = page.locator('[data-password-rule="length"]');
  await expect(lengthRule).not.toHaveAttribute('data-met');
  await page.getByLabel('New password').fill('password');
  await expect(lengthRule).toHaveAttribute('data-met');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common.')).toBeVisible();
  await page.getByLabel('New password').fill(strongPassword());
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectSignedIn(page, username);
});

test('registers in Korean', async ({ page }) => {
  const email = uniqueEmail('korean');
  await startAtApp(page, world(), { ui_locales: 'ko', first_screen: 'register' });
  await expect(page).toHaveURL(/\/ko\/register$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo RP 계정 만들기');
  await page.getByLabel('이메일 또는 사용자 이름').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: '계속' }).click();
  await page.getByLabel('인증 코드').fill(await world().mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('비밀번호 설정');
  await page.getByLabel('새 비밀번호').fill(strongPassword());
  await page.getByRole('button', { name: '계속' }).click();
  await expectSignedIn(page);
});

test('asks the operator’s profile fields before creating the account ("Tell us about yourself")', async ({ page, expectAccessible }) => {
  const { management } = world();
  const fields = [
    { name: 'name', type: 'Text', label: 'Full name', required: true },
    { name: 'plan', type: 'Select', label: 'Plan', required: true, config: { options: [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }] } },
    { name: 'birthdate', type: 'Date', label: 'Birthday', required: false },
    { name: 'newsletter', type: 'Checkbox', label: 'Send me the monthly newsletter', required: false },
  ];
  for (const field of fields) await management.call('POST', '/api/custom-profile-fields', field);
  try {
    const username = `about_${Date.now()}`;
    await startAtApp(page, world(), { first_screen: 'identifier:register', identifier: 'username' });
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('New password').fill(strongPassword());
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tell us about yourself');
    await expectAccessible();
    await page.getByRole('button', { name: 'Continue' }).click();
    const name = page.getByLabel('Full name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('This is needed to continue.');
    await expect(page.getByLabel('Plan')).toHaveAccessibleDescription('This is needed to continue.');

    await name.fill('Ada Lovelace');
    await page.getByLabel('Plan').selectOption('pro');
    await page.getByLabel('Birthday (optional)').fill('1815-12-10');
    await page.getByLabel('Send me the monthly newsletter (optional)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // The demo app greets the person by the `name` claim of their ID token: the answer reached the account.
    await expectSignedIn(page, 'Ada Lovelace');
    const [user] = await management.call<Array<{ profile: unknown; customData: unknown }>>('GET', `/api/users?search=${username}`);
    expect(user).toMatchObject({ profile: { birthdate: '1815-12-10' }, customData: { plan: 'pro', newsletter: true } });
  } finally {
    for (const field of fields) await management.request('DELETE', `/api/custom-profile-fields/${field.name}`);
  }
});
