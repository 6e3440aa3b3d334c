import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, call, clientToken, createMachineApp, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const email = (options: Partial<{ password: boolean; verificationCode: boolean; isPasswordPrimary: boolean }> = {}) => ({
  identifier: 'email',
  password: true,
  verificationCode: false,
  isPasswordPrimary: true,
  ...options,
});
const phone = (options: Partial<{ password: boolean; verificationCode: boolean }> = {}) => ({ ...email(options), identifier: 'phone' });
const username = { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true };

async function publicDocument() {
  const { GET } = await import('@/app/api/.well-known/sign-in-exp/route');
  const response = await GET(new Request(`${APP_URL}/api/.well-known/sign-in-exp`), undefined);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('GET /api/sign-in-exp', () => {
  it('answers the defaults of a fresh install in Logto shape', async () => {
    const response = await call('GET', '/api/sign-in-exp');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({
      id: 'default',
      signInMode: 'SignInAndRegister',
      signIn: { methods: [email(), username] },
      signUp: { identifiers: ['email', 'username'], password: true, verify: true, secondaryIdentifiers: [] },
      passwordPolicy: {
        length: { min: 8, max: 256 },
        characterTypes: { min: 1 },
        rejects: { pwned: true, repetitionAndSequence: true, userInfo: true, words: [] },
      },
      forgotPasswordMethods: ['EmailVerificationCode'],
      termsOfUseUrl: null,
      agreeToTermsPolicy: 'ManualRegistrationOnly',
      languageInfo: { autoDetect: true, fallbackLanguage: 'en' },
      unknownSessionRedirectUrl: null,
      supportEmail: null,
      supportWebsiteUrl: null,
      hideLogtoBranding: false,
    });
  });
});

describe('PATCH /api/sign-in-exp', () => {
  it('replaces the given top-level keys, keeps the others, and returns the whole document', async () => {
    const before = (await call('GET', '/api/sign-in-exp')).body;
    const response = await call('PATCH', '/api/sign-in-exp', {
      body: {
        signInMode: 'SignIn',
        color: { primaryColor: '#112233', isDarkModeEnabled: false, darkPrimaryColor: '#445566' },
        termsOfUseUrl: 'https://example.com/terms',
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...before,
      signInMode: 'SignIn',
      color: { primaryColor: '#112233', isDarkModeEnabled: false, darkPrimaryColor: '#445566' },
      termsOfUseUrl: 'https://example.com/terms',
    });
    expect((await call('GET', '/api/sign-in-exp')).body).toEqual(response.body);
  });

  it('fills a partial password policy with its defaults, as Logto', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', { body: { passwordPolicy: { length: { min: 12 }, rejects: { words: ['sesame'] } } } });
    expect(response.status).toBe(200);
    expect(response.body.passwordPolicy).toEqual({
      length: { min: 12, max: 256 },
      characterTypes: { min: 1 },
      rejects: { pwned: true, repetitionAndSequence: true, userInfo: true, words: ['sesame'] },
    });
  });

  it('switches to passwordless email sign-up with code sign-in', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', {
      body: {
        signUp: { identifiers: ['email'], password: false, verify: true },
        signIn: { methods: [email({ password: false, verificationCode: true, isPasswordPrimary: false }), username] },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.signUp).toEqual({ identifiers: ['email'], password: false, verify: true, secondaryIdentifiers: [] });
  });

  it("takes '' for no terms link, and round-trips a GET document", async () => {
    const cleared = await call('PATCH', '/api/sign-in-exp', { body: { termsOfUseUrl: '' } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.termsOfUseUrl).toBeNull();
    const document = (await call('GET', '/api/sign-in-exp')).body;
    expect((await call('PATCH', '/api/sign-in-exp', { body: document })).body).toEqual(document);
  });

  it("sets and clears ('') the support contact and the unknown-session redirect, and hides Powered by", async () => {
    const support = {
      supportEmail: 'help@example.com',
      supportWebsiteUrl: 'https://example.com/help',
      unknownSessionRedirectUrl: 'https://app.example.com/',
      hideLogtoBranding: true,
    };
    const set = await call('PATCH', '/api/sign-in-exp', { body: support });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject(support);
    const cleared = await call('PATCH', '/api/sign-in-exp', {
      body: { supportEmail: '', supportWebsiteUrl: '', unknownSessionRedirectUrl: '', hideLogtoBranding: false },
    });
    expect(cleared.body).toMatchObject({ supportEmail: null, supportWebsiteUrl: null, unknownSessionRedirectUrl: null, hideLogtoBranding: false });
  });

  it('loses neither of two concurrent changes to different keys', async () => {
    const [first, second] = await Promise.all([
      call('PATCH', '/api/sign-in-exp', { body: { agreeToTermsPolicy: 'Manual' } }),
      call('PATCH', '/api/sign-in-exp', { body: { verificationCodePolicy: { expirationDuration: 300, maxRetryAttempts: 3 } } }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const stored = (await call('GET', '/api/sign-in-exp')).body;
    expect(stored.agreeToTermsPolicy).toBe('Manual');
    expect(stored.verificationCodePolicy).toEqual({ expirationDuration: 300, maxRetryAttempts: 3 });
  });

  it('keeps no social targets, since Sesame has no social connectors', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', { body: { socialSignInConnectorTargets: ['google'] } });
    expect(response.status).toBe(200);
    expect(response.body.socialSignInConnectorTargets).toEqual([]);
  });

  const signUp = (identifiers: string[], password: boolean, verify: boolean, secondaryIdentifiers: unknown[] = []) => ({
    identifiers,
    password,
    verify,
    secondaryIdentifiers,
  });

  it.each([
    ['username_requires_password', { signUp: signUp(['username'], false, false) }],
    ['passwordless_requires_verify', { signUp: signUp(['email'], false, false) }],
    ['passwordless_requires_verify', { signUp: signUp(['phone'], true, false), signIn: { methods: [phone()] } }],
    ['passwordless_requires_verify', { signUp: signUp(['username'], true, false, [{ identifier: 'email', verify: false }]) }],
    ['duplicated_sign_up_identifiers', { signUp: signUp(['email', 'email'], true, true) }],
    ['duplicated_sign_up_identifiers', { signUp: signUp(['email'], true, true, [{ identifier: 'emailOrPhone', verify: true }]) }],
    ['missing_sign_up_identifiers', { signUp: signUp([], true, true, [{ identifier: 'email', verify: true }]) }],
    ['miss_sign_up_identifier_in_sign_in', { signUp: signUp(['email', 'username'], true, true), signIn: { methods: [username] } }],
    ['password_sign_in_must_be_enabled', { signIn: { methods: [email({ password: false, verificationCode: true }), username] } }],
    [
      'code_sign_in_must_be_enabled',
      { signUp: signUp(['email'], false, true), signIn: { methods: [email({ password: true, verificationCode: false })] } },
    ],
    ['at_least_one_authentication_factor', { signIn: { methods: [email(), username, phone({ password: false, verificationCode: false })] } }],
    ['unsupported_default_language', { languageInfo: { autoDetect: true, fallbackLanguage: 'fr' } }],
  ])('refuses with sign_in_experiences.%s (400) and stores nothing', async (code, body) => {
    await call('PATCH', '/api/sign-in-exp', {
      body: { signUp: signUp(['email', 'username'], true, true), signIn: { methods: [email(), username] } },
    });
    const before = (await call('GET', '/api/sign-in-exp')).body;
    expectError(await call('PATCH', '/api/sign-in-exp', { body }), 400, `sign_in_experiences.${code}`);
    expect((await call('GET', '/api/sign-in-exp')).body).toEqual(before);
  });

  it('validates the merged document: a change to one part may not break another', async () => {
    // Sign-up keeps setting a password; removing password sign-in for email alone must fail.
    const response = await call('PATCH', '/api/sign-in-exp', {
      body: { signIn: { methods: [email({ password: false, verificationCode: true }), username] } },
    });
    expectError(response, 400, 'sign_in_experiences.password_sign_in_must_be_enabled');
    expect(response.body.data).toEqual({ identifier: 'email' });
  });

  it.each([
    ['an unknown key (a Logto setting Sesame does not have)', { mfa: { factors: [], policy: 'NoPrompt' } }],
    ['a wrong type', { signInMode: 'Everything' }],
    ['a duplicated sign-in identifier', { signIn: { methods: [email(), email()] } }],
    ['a username with a verification code', { signIn: { methods: [{ ...username, verificationCode: true }] } }],
    ['a duplicated reset method', { forgotPasswordMethods: ['EmailVerificationCode', 'EmailVerificationCode'] }],
    ['a minimum length over the maximum', { passwordPolicy: { length: { min: 20, max: 10 } } }],
    ['a non-http terms link', { termsOfUseUrl: 'javascript:alert(1)' }],
    ['a non-http unknown-session redirect', { unknownSessionRedirectUrl: 'javascript:alert(1)' }],
    ['a support address that is not one', { supportEmail: 'help desk' }],
    ['a bad colour', { color: { primaryColor: 'red', isDarkModeEnabled: false, darkPrimaryColor: '#000000' } }],
  ])('refuses %s as guard.invalid_input (400)', async (_what, body) => {
    expectError(await call('PATCH', '/api/sign-in-exp', { body }), 400, 'guard.invalid_input');
  });

  it('refuses a body that is not JSON', async () => {
    expectError(await call('PATCH', '/api/sign-in-exp', { rawBody: '{nope' }), 400, 'guard.invalid_input');
  });
});

describe('customCss', () => {
  it('stores the operator’s stylesheet, clears it with an empty string, and refuses one that could close its <style>', async () => {
    const css = '.sesame-card > .sesame-header { text-align: left; }';
    expect((await call('PATCH', '/api/sign-in-exp', { body: { customCss: css } })).body.customCss).toBe(css);
    expectError(await call('PATCH', '/api/sign-in-exp', { body: { customCss: '</style><script>alert(1)</script>' } }), 400, 'guard.invalid_input');
    expect((await call('GET', '/api/sign-in-exp')).body.customCss).toBe(css);
    expect((await call('PATCH', '/api/sign-in-exp', { body: { customCss: '' } })).body.customCss).toBeNull();
  });
});

describe('emailBlocklistPolicy', () => {
  it('stores the entries lowercased and once each, and refuses one that is neither an address nor @domain', async () => {
    const saved = await call('PATCH', '/api/sign-in-exp', { body: { emailBlocklistPolicy: { blockSubaddressing: true, customBlocklist: ['@Spam.test', '@spam.test', 'Eve@example.com'] } } });
    expect(saved.body.emailBlocklistPolicy).toEqual({ blockSubaddressing: true, customBlocklist: ['@spam.test', 'eve@example.com'] });
    const refused = await call('PATCH', '/api/sign-in-exp', { body: { emailBlocklistPolicy: { customBlocklist: ['spam.test', '@ok.test'] } } });
    expectError(refused, 400, 'sign_in_experiences.invalid_custom_email_blocklist_format');
    expect(refused.body.data).toEqual({ items: ['spam.test'] });
    expectError(await call('PATCH', '/api/sign-in-exp', { body: { emailBlocklistPolicy: { blockEverything: true } } }), 400, 'guard.invalid_input');
    expect((await call('GET', '/api/sign-in-exp')).body.emailBlocklistPolicy.customBlocklist).toEqual(['@spam.test', 'eve@example.com']);
  });

  it('does not bind the Management API: an operator may create an account with any address', async () => {
    await call('PATCH', '/api/sign-in-exp', { body: { emailBlocklistPolicy: { customBlocklist: ['@spam.test'] } } });
    expect((await call('POST', '/api/users', { body: { primaryEmail: 'vip@spam.test' } })).status).toBe(200);
  });
});

describe('authentication', () => {
  it('answers 401 without a token and 403 for a token without the `all` scope', async () => {
    expectError(await call('GET', '/api/sign-in-exp', { token: null }), 401, 'auth.authorization_header_missing');
    expectError(await call('PATCH', '/api/sign-in-exp', { token: null, body: { signInMode: 'SignIn' } }), 401, 'auth.authorization_header_missing');
    const app = await createMachineApp();
    const token = await clientToken(app.id, app.secret);
    expectError(await call('GET', '/api/sign-in-exp', { token }), 403, 'auth.forbidden');
    expectError(await call('PATCH', '/api/sign-in-exp', { token, body: { signInMode: 'SignIn' } }), 403, 'auth.forbidden');
  });
});

describe('GET /api/.well-known/sign-in-exp', () => {
  it('is also served under Logto’s newer name, /api/.well-known/experience', async () => {
    const { GET } = await import('@/app/api/.well-known/experience/route');
    const response = await GET(new Request(`${APP_URL}/api/.well-known/experience`), undefined);
    expect(await response.json()).toEqual((await publicDocument()).body);
  });

  it('is public and briefly cacheable, and carries what a custom UI needs', async () => {
    await call('PATCH', '/api/sign-in-exp', { body: { signInMode: 'SignInAndRegister', forgotPasswordMethods: ['EmailVerificationCode'] } });
    // The lockout thresholds stay the server's: published, they would tell a guesser how to pace;
    // so does the email blocklist, which may list people's addresses.
    const { sentinelPolicy: _private, emailBlocklistPolicy: _alsoPrivate, ...configured } = (await call('GET', '/api/sign-in-exp')).body;
    const response = await publicDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.body).toEqual({
      ...configured,
      customProfileFields: [],
      socialConnectors: [],
      ssoConnectors: [],
      // The development mailbox delivers email in tests; no SMS connector exists.
      forgotPassword: { email: true, phone: false },
    });
  });

  it('shows a change made through the Management API', async () => {
    await call('PATCH', '/api/sign-in-exp', { body: { branding: { logoUrl: 'https://example.com/logo.svg', darkLogoUrl: null, favicon: 'https://example.com/icon.png' } } });
    // Logto's favicon fields; one left out of the payload reads as none.
    expect((await publicDocument()).body.branding).toEqual({ logoUrl: 'https://example.com/logo.svg', darkLogoUrl: null, favicon: 'https://example.com/icon.png', darkFavicon: null });
  });
});
