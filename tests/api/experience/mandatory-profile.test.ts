import '../../support/experience-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserById, updateUser } from '@/db/queries/users';
import { findInteraction } from '@/lib/oidc/interaction';
import { verifyPassword } from '@/lib/security/password';
import { defaultSignInExperience } from '@/lib/sign-in-exp/schema';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure, verifyByCode } from './codes';

let applicationId: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  applicationId = await createApplication();
});
beforeEach(() => configure());
afterAll(closeTestDatabase);

/** A browser signed in as far as identification: submit is the next step. */
async function identifiedWithPassword(identifier: { type: 'username' | 'email'; value: string }) {
  const cookie = await startBrowserInteraction(applicationId);
  const client = experienceClient(cookie);
  await expectStatus(client.start('SignIn'), 204);
  const verificationId = await verificationIdOf(client.verifyPassword(identifier, PASSWORD));
  await expectStatus(client.identify({ verificationId }), 204);
  return { client, cookie };
}

async function missingProfileOf(pending: Promise<Response> | Response) {
  const refusal = await errorOf(pending);
  expect(refusal).toMatchObject({ status: 422, code: 'user.missing_profile' });
  return (JSON.parse(refusal.body) as { data: { missingProfile: string[] } }).data.missingProfile;
}

async function loginOf(cookie: string) {
  return (await findInteraction(await getDb(), cookie.split('=')[1]))?.result?.login;
}

describe('mandatory profile at sign-in (the sign-up settings changed after the account was made)', () => {
  it('asks for a required email, takes it by a verified code, and signs in with it saved', async () => {
    const user = await createUser({ username: 'no_email', password: PASSWORD });
    await configure({ signUp: { identifiers: ['username'], password: true, verify: true, secondaryIdentifiers: [{ identifier: 'email', verify: true }] } });
    const { client, cookie } = await identifiedWithPassword({ type: 'username', value: 'no_email' });

    expect(await missingProfileOf(client.submit())).toEqual(['email']);
    // Refused: nothing of the sign-in was written.
    expect((await findUserById(await getDb(), user.id))?.lastSignInAt).toBeNull();
    expect(await loginOf(cookie)).toBeUndefined();

    const email = { type: 'email', value: 'no_email@example.com' } as const;
    const verificationId = await verifyByCode(client, email, 'SignIn');
    expect(await errorOf(client.submit())).toMatchObject({ code: 'user.missing_profile' });
    await expectStatus(client.addProfile({ type: 'email', verificationId }), 204);
    await expectStatus(client.submit(), 200);

    const saved = await findUserById(await getDb(), user.id);
    expect(saved).toMatchObject({ username: 'no_email', primaryEmail: 'no_email@example.com' });
    expect(saved?.lastSignInAt).toBeInstanceOf(Date);
    expect(await loginOf(cookie)).toMatchObject({ userId: user.id, amr: ['pwd', 'otp'] });
  });

  it('asks for a password when the sign-up now sets one, checks it against the policy, and saves it', async () => {
    const user = await createUser({ primaryEmail: 'codes.only@example.com' });
    await configure({
      signIn: { methods: [{ identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false }] },
      signUp: { identifiers: ['email'], password: true, verify: true, secondaryIdentifiers: [] },
    });
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    const verificationId = await verifyByCode(client, { type: 'email', value: 'codes.only@example.com' }, 'SignIn');
    await expectStatus(client.identify({ verificationId }), 204);

    expect(await missingProfileOf(client.submit())).toEqual(['password']);
    expect(await errorOf(client.addProfile({ type: 'password', value: 'short' }))).toMatchObject({ status: 422, code: 'password.rejected' });
    await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
    await expectStatus(client.submit(), 200);
    expect(await verifyPassword((await findUserById(await getDb(), user.id))?.passwordHash, PASSWORD)).toBe(true);
  });

  it('asks for a username, refuses one in use, and takes a free one', async () => {
    await createUser({ username: 'already_mine' });
    const user = await createUser({ primaryEmail: 'nameless@example.com', password: PASSWORD });
    await configure({ signUp: { identifiers: ['username'], password: true, verify: false, secondaryIdentifiers: [] } });
    const { client } = await identifiedWithPassword({ type: 'email', value: 'nameless@example.com' });

    expect(await missingProfileOf(client.submit())).toEqual(['username']);
    expect(await errorOf(client.addProfile({ type: 'username', value: 'already_mine' }))).toMatchObject({ status: 422, code: 'user.username_already_in_use' });
    await expectStatus(client.addProfile({ type: 'username', value: 'named_now' }), 204);
    await expectStatus(client.submit(), 200);
    expect((await findUserById(await getDb(), user.id))?.username).toBe('named_now');
  });

  it('writes the profile and the sign-in together: a username taken meanwhile leaves neither', async () => {
    const user = await createUser({ primaryEmail: 'racer@example.com', password: PASSWORD });
    const rival = await createUser({ primaryEmail: 'rival@example.com' });
    await configure({ signUp: { identifiers: ['username'], password: true, verify: false, secondaryIdentifiers: [] } });
    const { client, cookie } = await identifiedWithPassword({ type: 'email', value: 'racer@example.com' });
    await expectStatus(client.addProfile({ type: 'username', value: 'contested' }), 204);
    await updateUser(await getDb(), rival.id, { username: 'contested' });

    expect(await errorOf(client.submit())).toMatchObject({ status: 422, code: 'user.username_already_in_use' });
    const unchanged = await findUserById(await getDb(), user.id);
    expect(unchanged).toMatchObject({ username: null, lastSignInAt: null });
    expect(await loginOf(cookie)).toBeUndefined();
  });

  it('takes no profile for a sign-in before the user is identified, so it cannot replace what the account has', async () => {
    const user = await createUser({ username: 'keeps_all', primaryEmail: 'keeps_all@example.com', password: PASSWORD });
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    expect(await errorOf(client.addProfile({ type: 'password', value: 'a replaced long password' }))).toMatchObject({
      status: 404,
      code: 'session.identifier_not_found',
    });
    expect(await errorOf(client.addProfile({ type: 'username', value: 'renamed_by_other' }))).toMatchObject({ status: 404, code: 'session.identifier_not_found' });

    const verificationId = await verificationIdOf(client.verifyPassword({ type: 'username', value: 'keeps_all' }, PASSWORD));
    await expectStatus(client.identify({ verificationId }), 204);
    await expectStatus(client.submit(), 200);
    const saved = await findUserById(await getDb(), user.id);
    expect(saved?.username).toBe('keeps_all');
    expect(await verifyPassword(saved?.passwordHash, PASSWORD)).toBe(true);
  });

  it('needs nothing more from an account that has what the defaults ask for', async () => {
    await createUser({ username: 'complete', password: PASSWORD });
    await configure({ ...defaultSignInExperience });
    const { client } = await identifiedWithPassword({ type: 'username', value: 'complete' });
    await expectStatus(client.submit(), 200);
  });
});
