import { expect, test } from '../support/fixtures';
import {
  configure,
  createUser,
  expectSignedIn,
  resetConfiguration,
  startAtApp,
  startWorld,
  strongPassword,
  uniqueEmail,
  uniquePhone,
  type World,
} from './support';

/**
 * The sign-in experience as people meet it: a demo app (openid-client) sends the browser to
 * Sesame's pages, which follow the sign-in experience configuration set through the
 * Management API. Codes travel through a real SMTP server and an SMS webhook started here.
 * The configuration is global to the server, so these journeys run one after another and
 * each puts the configuration back.
 */
test.describe.configure({ mode: 'serial' });

let world: World;

test.beforeAll(async ({ baseURL }) => {
  world = await startWorld(baseURL!);
});
test.afterEach(async () => {
  await resetConfiguration(world);
});
test.afterAll(async () => {
  await world?.close();
});

test('signs in with a username and a password, identifier first', async ({ page, expectAccessible }) => {
  // Under the pages' Content-Security-Policy, nothing they need is blocked.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const password = strongPassword();
  const user = await createUser(world, { username: `ada_${Date.now()}`, password, name: 'Ada Lovelace' });
  await startAtApp(page, world);
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
  await startAtApp(page, world);
  await page.getByLabel('Email or username').fill('someone');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Show password' })).toBeVisible();
});

test('changes the identifier from the password step, and pre-fills login_hint', async ({ page }) => {
  await startAtApp(page, world, { login_hint: 'someone@example.com' });
  await expect(page.getByLabel('Email or username')).toHaveValue('someone@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByLabel('Email or username')).toHaveValue('someone@example.com');
});

test('registers with an email proven by a code from a real SMTP server, then a password', async ({ page, expectAccessible }) => {
  const email = uniqueEmail('grace');
  // The page's clock, so the resend countdown can be fast-forwarded.
  await page.clock.install();
  await startAtApp(page, world);
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
  await page.getByLabel('Verification code').fill(await world.mail.waitForCode(email, { since }));
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
  await startAtApp(page, world, { first_screen: 'identifier:register', identifier: 'username' });
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

test('shows the operator’s logo and colours', async ({ page }) => {
  await configure(world, {
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
  await startAtApp(page, world);
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
  await configure(world, { supportEmail: 'help@example.com', supportWebsiteUrl: 'https://example.com/help', hideLogtoBranding: true });
  await startAtApp(page, world);
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
  await configure(world, { unknownSessionRedirectUrl: `${world.rp.origin}/login` });
  await stranger.goto(new URL('/register', page.url()).toString());
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  await stranger.close();
});

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
  await createUser(world, { primaryPhone: phone, name: 'Phone Person' });
  await configure(world, phoneCodeSignIn);
  await startAtApp(page, world);
  await page.getByLabel('Email, phone number or username').fill(`+${phone.slice(0, 2)} ${phone.slice(2)}`);
  const since = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(`We sent a code to ••••••••${phone.slice(-4)}`)).toBeVisible();
  await page.getByLabel('Verification code').fill(await world.sms.waitForCode(phone, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();

  // Accounts must have an email or a username (the sign-up settings): this one adds an email, proven by a code ...
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add your email');
  const email = uniqueEmail('phone-person');
  await page.getByLabel('Email', { exact: true }).fill(email);
  const emailSince = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await world.mail.waitForCode(email, { since: emailSince }));
  await page.getByRole('button', { name: 'Verify' }).click();
  // ... and a password, which the sign-up settings ask for too.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  await page.getByLabel('New password').fill(strongPassword());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page, 'Phone Person');
});

test('reads a phone number typed without its country code as Korean on a Korean page, and asks for the code on an English one', async ({ page }) => {
  const phone = uniquePhone();
  await createUser(world, { primaryPhone: phone, name: '전화 사용자' });
  await configure(world, phoneCodeSignIn);
  // "010-1234-5678", as people in Korea write their own number.
  const national = `0${phone.slice(2, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`;
  await startAtApp(page, world);
  // An empty field names what it takes.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Enter your email, phone number or username.')).toBeVisible();
  await page.getByLabel('Email, phone number or username').fill(national);
  await page.getByRole('button', { name: 'Continue' }).click();
  const field = page.getByLabel('Email, phone number or username');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Start with the country code, like +1 415 555 0100')).toBeVisible();
  await expect(field).toHaveValue(national);

  await startAtApp(page, world, { ui_locales: 'ko', prompt: 'login' });
  await page.getByLabel('이메일, 전화번호 또는 사용자 이름').fill(national);
  const since = new Date();
  await page.getByRole('button', { name: '계속' }).click();
  await expect(page.getByText(`••••••••${phone.slice(-4)}(으)로 인증 코드를 보냈습니다.`)).toBeVisible();
  // The code went to the account's number, stored with its country code (82 10 …).
  await page.getByLabel('인증 코드').fill(await world.sms.waitForCode(phone, { since }));
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('이메일 추가');
});

test('a sign-in code for an address without an account offers to create one with it', async ({ page, expectAccessible }) => {
  await configure(world, {
    signIn: {
      methods: [
        { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false },
        { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      ],
    },
  });
  const email = uniqueEmail('first-timer');
  await startAtApp(page, world);
  await page.getByLabel('Email or username').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Verification code').fill(await world.mail.waitForCode(email, { since }));
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

test('resets a forgotten password with a code, then signs in with the new one', async ({ page, expectAccessible }) => {
  const email = uniqueEmail('reset');
  const oldPassword = strongPassword();
  await createUser(world, { primaryEmail: email, password: oldPassword, name: 'Forgetful' });
  await startAtApp(page, world);
  await page.getByLabel('Email or username').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Forgot password?' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password');
  await expectAccessible();
  // The address the sign-in started with is already there; nothing was sent before asking.
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(email);
  expect(world.mail.messages.filter((message) => message.to.includes(email.toLowerCase()))).toEqual([]);
  const since = new Date();
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('Verification code').fill(await world.mail.waitForCode(email, { since }));
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
  await startAtApp(page, world, { first_screen: 'reset_password' });
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByLabel('Verification code')).toBeVisible();
  await page.getByLabel('Verification code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();
  expect(world.mail.messages.filter((message: { to: string[] }) => message.to.includes(email))).toEqual([]);
});

test('asks for agreement to the terms when the policy is Manual', async ({ page, expectAccessible }) => {
  const password = strongPassword();
  const user = await createUser(world, { username: `terms_${Date.now()}`, password, name: 'Terms Reader' });
  await configure(world, { termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy', agreeToTermsPolicy: 'Manual' });
  await startAtApp(page, world);
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
  await configure(world, { signInMode: 'SignIn' });
  await startAtApp(page, world, { first_screen: 'register' });
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('link', { name: 'Create an account' })).toHaveCount(0);
  await page.goto('/register');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registration is closed');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
});

test('a magic link signs its invitee in only after they confirm', async ({ page, browser, expectAccessible }) => {
  const email = uniqueEmail('invitee');
  await createUser(world, { primaryEmail: email, password: strongPassword(), name: 'Invited Person' });
  const { token } = await world.management.call<{ token: string }>('POST', '/api/one-time-tokens', { email });
  await startAtApp(page, world, { one_time_token: token, login_hint: email });
  await expect(page).toHaveURL(/\/magic-link$/);
  await expectAccessible();
  // Opening the page spent nothing: the token is still active.
  const [listed] = await world.management.call<{ status: string }[]>('GET', `/api/one-time-tokens?email=${encodeURIComponent(email)}`);
  expect(listed?.status).toBe('active');
  await page.getByRole('button', { name: `Continue as ${email}` }).click();
  await expectSignedIn(page, 'Invited Person');

  // Someone without an account yet registers through the link, choosing the password the settings ask for.
  const newcomer = uniqueEmail('newcomer');
  const invitation = await world.management.call<{ token: string }>('POST', '/api/one-time-tokens', { email: newcomer });
  const context = await browser.newContext();
  const other = await context.newPage();
  await startAtApp(other, world, { one_time_token: invitation.token, login_hint: newcomer });
  await other.getByRole('button', { name: `Continue as ${newcomer}` }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Choose a password');
  await other.getByLabel('New password').fill(strongPassword());
  await other.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(other);
  await context.close();
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
    await startAtApp(page, world, params);
    await expect(page, JSON.stringify(params)).toHaveURL(url);
    await expect(page.getByLabel(label, { exact: true })).toBeVisible();
  }
});

test('asks for the username and the password on one form when that is the only way in', async ({ page }) => {
  const password = strongPassword();
  const user = await createUser(world, { username: `solo_${Date.now()}`, password, name: 'Solo User' });
  await configure(world, {
    signUp: { identifiers: ['username'], password: true, verify: false, secondaryIdentifiers: [] },
    signIn: { methods: [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }] },
  });
  await startAtApp(page, world);
  await page.getByLabel('Username', { exact: true }).fill(user.username!);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'Solo User');
});

test('registers in Korean', async ({ page }) => {
  const email = uniqueEmail('korean');
  await startAtApp(page, world, { ui_locales: 'ko', first_screen: 'register' });
  await expect(page).toHaveURL(/\/ko\/register$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo RP 계정 만들기');
  await page.getByLabel('이메일 또는 사용자 이름').fill(email);
  const since = new Date();
  await page.getByRole('button', { name: '계속' }).click();
  await page.getByLabel('인증 코드').fill(await world.mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: '확인' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('비밀번호 설정');
  await page.getByLabel('새 비밀번호').fill(strongPassword());
  await page.getByRole('button', { name: '계속' }).click();
  await expectSignedIn(page);
});

test('speaks the language the app asks for, even to a browser that prefers another', async ({ browser }) => {
  for (const [uiLocales, expected] of [['en', 'en'], [undefined, 'ko']] as const) {
    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await startAtApp(page, world, uiLocales ? { ui_locales: uiLocales } : {});
    // Without ui_locales the browser's language wins (auto-detect is on by default).
    await expect(page.locator('html')).toHaveAttribute('lang', expected);
    await expect(page).toHaveURL(expected === 'en' ? /\/\/[^/]+\/sign-in$/ : /\/ko\/sign-in$/);
    await context.close();
  }
});

test('with auto-detect off, shows the operator’s fallback language whatever the browser prefers', async ({ page }) => {
  await configure(world, { languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
  await startAtApp(page, world);
  await expect(page).toHaveURL(/\/ko\/sign-in$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  // The app's own ui_locales still wins.
  await startAtApp(page, world, { ui_locales: 'en' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('reads well at 320 px in dark mode, and passes axe there', async ({ page, expectAccessible }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await startAtApp(page, world, { ui_locales: 'ko' });
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
  const user = await createUser(world, { username: `keys_${Date.now()}`, password, name: 'Keyboard User' });
  await startAtApp(page, world);
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
  const user = await createUser(world, { username: `nojs_${Date.now()}`, primaryEmail: email, password, name: 'No Script' });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await startAtApp(page, world);
  await page.getByLabel('Email or username').fill(user.username!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, 'No Script');

  // A second sign-in, by a code this time (email codes enabled for the journey).
  await configure(world, {
    signIn: {
      methods: [
        { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: true },
        { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
      ],
    },
  });
  await startAtApp(page, world, { prompt: 'login' });
  await page.getByLabel('Email or username').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  const since = new Date();
  await page.getByRole('button', { name: 'Sign in with a code instead' }).click();
  // Without JavaScript there is no countdown: asking again at once gets the server's answer.
  await page.getByRole('button', { name: 'Send a new code' }).click();
  await expect(page.getByText('You can ask for a new code in 1 minute.')).toBeVisible();
  await page.getByLabel('Verification code').fill(await world.mail.waitForCode(email, { since }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectSignedIn(page, 'No Script');
  await context.close();
});
