import { TEST_APP_URL } from '../../support/experience-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { countUsers, findUserByIdentifier } from '@/db/queries/users';
import { findInteraction } from '@/lib/oidc/interaction';
import { verifyPassword } from '@/lib/security/password';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure, verifyByCode } from './codes';

let applicationId: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'taken', primaryEmail: 'taken@example.com', primaryPhone: '821099990000', password: PASSWORD });
});
beforeEach(() => configure());
afterAll(closeTestDatabase);

async function registering() {
  const cookie = await startBrowserInteraction(applicationId);
  const client = experienceClient(cookie);
  await expectStatus(client.start('Register'), 204);
  return { client, cookie };
}

async function loginOf(cookie: string) {
  const interaction = await findInteraction(await getDb(), cookie.split('=')[1]);
  return (interaction?.result as { login: { userId: string; amr: string[] } }).login;
}

describe('registration through the Experience API', () => {
  it('registers with an email code and a password: missing_profile, then profile, then 201 and submit', async () => {
    const { client, cookie } = await registering();
    const email = { type: 'email', value: 'New.Person@example.com' } as const;
    const verificationId = await verifyByCode(client, email, 'Register');

    const missing = await errorOf(client.identify({ verificationId }));
    expect(missing).toMatchObject({ status: 422, code: 'user.missing_profile' });
    expect(JSON.parse(missing.body).data).toEqual({ missingProfile: ['password'] });
    expect(await findUserByIdentifier(await getDb(), email)).toBeUndefined();

    await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
    await expectStatus(client.identify({ verificationId }), 201);
    const submitted = await expectStatus(client.submit(), 200);
    expect(await submitted.json()).toEqual({ redirectTo: `${TEST_APP_URL}/oidc/auth/resume` });

    const user = await findUserByIdentifier(await getDb(), email);
    expect(user?.primaryEmail).toBe('New.Person@example.com');
    expect(await verifyPassword(user?.passwordHash, PASSWORD)).toBe(true);
    expect(await loginOf(cookie)).toMatchObject({ userId: user?.id, amr: ['otp'] });
  });

  it('registers with a username and a password in one identification (201)', async () => {
    const { client, cookie } = await registering();
    const verificationId = await verificationIdOf(client.newPasswordIdentity({ type: 'username', value: 'new_user' }, PASSWORD));
    await expectStatus(client.identify({ verificationId }), 201);
    await expectStatus(client.submit(), 200);
    const user = await findUserByIdentifier(await getDb(), { type: 'username', value: 'new_user' });
    expect(await loginOf(cookie)).toMatchObject({ userId: user?.id, amr: ['pwd'] });
    // The interaction view never shows the chosen password's hash.
    expect(await (await client.interaction()).text()).not.toMatch(/argon2|passwordHash/);
  });

  it('registers with a phone code when the sign-up asks for a phone and no password', async () => {
    await configure({
      signIn: { methods: [{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] },
      signUp: { identifiers: ['phone'], password: false, verify: true, secondaryIdentifiers: [] },
    });
    const { client } = await registering();
    // Typed with spaces and a +: stored as digits.
    const verificationId = await verifyByCode(client, { type: 'phone', value: '+82 10-5555-0001' }, 'Register', '821055550001');
    await expectStatus(client.identify({ verificationId }), 201);
    await expectStatus(client.submit(), 200);
    expect(await findUserByIdentifier(await getDb(), { type: 'phone', value: '821055550001' })).toBeDefined();
  });

  it('refuses an email with a password but no code: an address is registered only once proven', async () => {
    const { client } = await registering();
    expect(await errorOf(client.newPasswordIdentity({ type: 'email', value: 'someone@example.com' }, PASSWORD))).toMatchObject({
      status: 422,
      code: 'user.sign_up_method_not_enabled',
    });
  });
});

describe('what registration refuses', () => {
  it('refuses identifiers already in use, creating nothing', async () => {
    const before = await countUsers(await getDb(), {});
    const { client } = await registering();
    expect(await errorOf(client.newPasswordIdentity({ type: 'username', value: 'TAKEN' }, PASSWORD))).toMatchObject({
      status: 422,
      code: 'user.username_already_in_use',
    });
    const verificationId = await verifyByCode(client, { type: 'email', value: 'Taken@Example.com' }, 'Register');
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 422, code: 'user.email_already_in_use' });
    expect(await countUsers(await getDb(), {})).toBe(before);
  });

  it('refuses a username taken by a profile step', async () => {
    await configure({
      signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
      signUp: { identifiers: ['email'], password: false, verify: true, secondaryIdentifiers: [{ identifier: 'username' }] },
    });
    const { client } = await registering();
    expect(await errorOf(client.addProfile({ type: 'username', value: 'taken' }))).toMatchObject({ status: 422, code: 'user.username_already_in_use' });
  });

  it('rejects passwords the policy refuses, with the issues', async () => {
    const { client } = await registering();
    const rejected = await errorOf(client.newPasswordIdentity({ type: 'username', value: 'short_pw' }, 'Zq7!x'));
    expect(rejected).toMatchObject({ status: 422, code: 'password.rejected' });
    expect(JSON.parse(rejected.body).data.issues).toEqual([{ code: 'password_rejected.too_short', interpolation: { min: 8 } }]);
    expect(await errorOf(client.addProfile({ type: 'password', value: 'Zq7!x' }))).toMatchObject({ status: 422, code: 'password.rejected' });
  });

  it('asks for every secondary identifier (user.missing_profile) and creates nothing until they are there', async () => {
    await configure({ signUp: { identifiers: ['username'], password: true, verify: true, secondaryIdentifiers: [{ identifier: 'email', verify: true }] } });
    const before = await countUsers(await getDb(), {});
    const { client } = await registering();
    const verificationId = await verificationIdOf(client.newPasswordIdentity({ type: 'username', value: 'needs_email' }, PASSWORD));
    const missing = await errorOf(client.identify({ verificationId }));
    expect(missing).toMatchObject({ status: 422, code: 'user.missing_profile' });
    expect(JSON.parse(missing.body).data).toEqual({ missingProfile: ['email'] });
    expect(await countUsers(await getDb(), {})).toBe(before);

    const emailVerification = await verifyByCode(client, { type: 'email', value: 'needs.email@example.com' }, 'Register');
    await expectStatus(client.addProfile({ type: 'email', verificationId: emailVerification }), 204);
    // The profile now holds everything: identification without a verification id creates the account.
    await expectStatus(client.identify({}), 201);
    const user = await findUserByIdentifier(await getDb(), { type: 'username', value: 'needs_email' });
    expect(user?.primaryEmail).toBe('needs.email@example.com');
  });

  it('refuses Register when only sign-in is enabled (403 auth.forbidden), and SignIn when only registration is', async () => {
    await configure({ signInMode: 'SignIn' });
    const client = experienceClient(await startBrowserInteraction(applicationId));
    expect(await errorOf(client.start('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });
    await expectStatus(client.start('SignIn'), 204);
    expect(await errorOf(client.switchEvent('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });

    await configure({ signInMode: 'Register' });
    expect(await errorOf(client.start('SignIn'))).toMatchObject({ status: 403, code: 'auth.forbidden' });
  });
});

describe('switching events mid-flow', () => {
  it('goes from a code sign-in with no account to registration, keeping the verified email', async () => {
    await configure({
      signIn: { methods: [{ identifier: 'email', password: false, verificationCode: true, isPasswordPrimary: false }] },
      signUp: { identifiers: ['email'], password: false, verify: true, secondaryIdentifiers: [] },
    });
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    const verificationId = await verifyByCode(client, { type: 'email', value: 'switcher@example.com' }, 'SignIn');
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 404, code: 'user.user_not_exist' });
    await expectStatus(client.switchEvent('Register'), 204);
    await expectStatus(client.identify({ verificationId }), 201);
    await expectStatus(client.submit(), 200);
  });

  it('drops the pending profile on a switch, and refuses switching to or from ForgotPassword', async () => {
    const { client } = await registering();
    await expectStatus(client.addProfile({ type: 'username', value: 'pending_name' }), 204);
    expect(await (await client.interaction()).json()).toMatchObject({ profile: { username: 'pending_name' } });
    await expectStatus(client.switchEvent('SignIn'), 204);
    expect(await (await client.interaction()).json()).toMatchObject({ interactionEvent: 'SignIn', profile: {} });
    expect(await errorOf(client.switchEvent('ForgotPassword'))).toMatchObject({ status: 400, code: 'session.not_supported_for_forgot_password' });
  });
});
