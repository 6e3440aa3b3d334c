import { expect, test } from '../support/fixtures';
import { configure, createUser, expectSignedIn, journeyWorld, startAtApp, strongPassword, uniqueEmail, uniquePhone } from './support';

/**
 * Phone numbers: a code texted through the SMS webhook, the profile the sign-up settings then
 * require, and numbers typed without their country code.
 * A demo app (openid-client) sends the browser to Sesame, configured through the Management API.
 */
const world = journeyWorld();

/** Sign-in by email or username with a password, or by a code texted to a phone number. */
const phoneCodeSignIn = {
  signIn: {
    methods: [
      { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
      { identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false },
      { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
    ],
  },
};

test('signs in with a code sent by SMS to a phone number, then adds the email and password the settings require', async ({ page }) => {
  const phone = uniquePhone();
  await createUser(world(), { primaryPhone: phone, name: 'Phone Person' });
  await configure(world(), phoneCodeSignIn);
  await startAtApp(page, world());
  await page.getByLabel('Email, phone number or username').fill(`+${phone.slice(0, 2)} ${phone.slice(2)}`);
  const since = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(`We sent a code to ••••••••${phone.slice(-4)}`)).toBeVisible();
  await page.getByLabel('Verification code').fill(await world().sms.waitForCode(phone, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();

  // Accounts must have an email or a username (the sign-up settings): this one adds an email, proven by a code ...
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add your email');
  const email = uniqueEmail('phone-person');
  await page.getByLabel('Email', { exact: true }).fill(email);
  const emailSince = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await world().mail.waitForCode(email, { since: emailSince }));
  await page.getByRole('button', { name: 'Verify' }).click();
  // ... and a password, which the sign-up settings ask for too.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  await page.getByLabel('New password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page, 'Phone Person');
});

test('reads a phone number typed without its country code as Korean on a Korean page, and asks for the code on an English one', async ({ page }) => {
  const phone = uniquePhone();
  await createUser(world(), { primaryPhone: phone, name: '전화 사용자' });
  await configure(world(), phoneCodeSignIn);
  // "010-1234-5678", as people in Korea write their own number.
  const national = `0${phone.slice(2, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`;
  await startAtApp(page, world());
  // An empty field names what it takes.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your email, phone number or username.')).toBeVisible();
  await page.getByLabel('Email, phone number or username').fill(national);
  await page.getByRole('button', { name: 'Continue' }).click();
  const field = page.getByLabel('Email, phone number or username');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Start with the country code, like +1 415 555 0100')).toBeVisible();
  await expect(field).toHaveValue(national);

  await startAtApp(page, world(), { ui_locales: 'ko', prompt: 'login' });
  await page.getByLabel('이메일, 전화번호 또는 사용자 이름').fill(national);
  const since = new Date();
  await page.getByRole('button', { name: '계속' }).click();
  await expect(page.getByText(`••••••••${phone.slice(-4)}(으)로 인증 코드를 보냈습니다.`)).toBeVisible();
  // The code went to the account's number, stored with its country code (82 10 …).
  await page.getByLabel('인증 코드').fill(await world().sms.waitForCode(phone, { since }));
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('이메일 추가');
});
