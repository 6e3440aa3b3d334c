import '../../support/experience-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserByIdentifier } from '@/db/queries/users';
import { oneTimeTokens } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure, verifyByCode } from './codes';

let applicationId: string;

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ primaryEmail: 'member@example.com' });
});
// Only sign-in is open; a magic link may still register. No password is asked of a new account here.
beforeEach(() =>
  configure({
    signInMode: 'SignIn',
    signIn: { methods: [{ identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: false }] },
    signUp: { identifiers: ['email'], password: false, verify: true, secondaryIdentifiers: [] },
  }),
);
afterAll(closeTestDatabase);

async function issueToken(email: string, jitOrganizationIds?: string[]): Promise<string> {
  const token = randomToken();
  await (await getDb()).insert(oneTimeTokens).values({
    id: generateId(),
    email,
    tokenHash: sha256(token),
    context: jitOrganizationIds ? { jitOrganizationIds } : {},
    expiresAt: new Date(Date.now() + 600_000),
  });
  return token;
}

describe('magic links (one-time tokens)', () => {
  it('signs in the owner of the email, once', async () => {
    const token = await issueToken('member@example.com');
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    const verificationId = await verificationIdOf(client.verifyOneTimeToken('member@example.com', token));
    await expectStatus(client.identify({ verificationId }), 204);
    await expectStatus(client.submit(), 200);
    expect(await errorOf(client.verifyOneTimeToken('member@example.com', token))).toMatchObject({ status: 400, code: 'one_time_token.token_consumed' });
  });

  it('registers a new email even though only sign-in is enabled, when the interaction came with one_time_token', async () => {
    const token = await issueToken('invitee@example.com', ['org-1']);
    const client = experienceClient(await startBrowserInteraction(applicationId, { one_time_token: token, login_hint: 'invitee@example.com' }));
    await expectStatus(client.start('SignIn'), 204);
    const verificationId = await verificationIdOf(client.verifyOneTimeToken('invitee@example.com', token));
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 404, code: 'user.user_not_exist' });
    await expectStatus(client.switchEvent('Register'), 204);
    await expectStatus(client.identify({ verificationId }), 201);
    await expectStatus(client.submit(), 200);
    expect(await findUserByIdentifier(await getDb(), { type: 'email', value: 'invitee@example.com' })).toBeDefined();
  });

  it('lets a verified token open Register without the authorization parameter, and nothing else does', async () => {
    const plain = experienceClient(await startBrowserInteraction(applicationId));
    expect(await errorOf(plain.start('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });

    const token = await issueToken('second.invitee@example.com');
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    const verificationId = await verificationIdOf(client.verifyOneTimeToken('second.invitee@example.com', token));
    await expectStatus(client.switchEvent('Register'), 204);
    await expectStatus(client.identify({ verificationId }), 201);
  });

  it('does not open Register for an interaction that only names a one_time_token it never redeemed', async () => {
    // Anyone can put `one_time_token=` in an authorization URL: only a redeemed link is an invitation.
    const params = { one_time_token: 'made-up', login_hint: 'intruder@example.com' };
    const direct = experienceClient(await startBrowserInteraction(applicationId, params));
    expect(await errorOf(direct.start('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });

    const switched = experienceClient(await startBrowserInteraction(applicationId, params));
    await expectStatus(switched.start('SignIn'), 204);
    expect(await errorOf(switched.switchEvent('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });
    expect(await findUserByIdentifier(await getDb(), { type: 'email', value: 'intruder@example.com' })).toBeUndefined();
  });

  it('lets an invitation register only the invited email, not another address proven by code', async () => {
    const token = await issueToken('invited@example.com');
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    await verificationIdOf(client.verifyOneTimeToken('invited@example.com', token));
    await expectStatus(client.switchEvent('Register'), 204);
    const other = await verifyByCode(client, { type: 'email', value: 'uninvited@example.com' }, 'Register');
    expect(await errorOf(client.identify({ verificationId: other }))).toMatchObject({ status: 403, code: 'auth.forbidden' });
    expect(await findUserByIdentifier(await getDb(), { type: 'email', value: 'uninvited@example.com' })).toBeUndefined();
  });

  it('refuses a token for another email', async () => {
    const token = await issueToken('someone@example.com');
    const client = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(client.start('SignIn'), 204);
    expect(await errorOf(client.verifyOneTimeToken('other@example.com', token))).toMatchObject({ status: 400, code: 'one_time_token.email_mismatch' });
  });
});
