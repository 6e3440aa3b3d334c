import '../../support/experience-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserByIdentifier } from '@/db/queries/users';
import { oneTimeTokens } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure, messageCount, verifyByCode } from './codes';

let applicationId: string;
const PASSWORD = 'a long enough password';
const emailBlocklistPolicy = { blockSubaddressing: true, blockDisposableAddresses: true, customBlocklist: ['@competitor.test', 'troll@example.com'] };

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'old_troll', primaryEmail: 'troll@example.com', password: PASSWORD });
  await createUser({ username: 'no_email_yet', password: PASSWORD });
});
beforeEach(() => configure({ emailBlocklistPolicy }));
afterAll(closeTestDatabase);

async function interaction(event: 'SignIn' | 'Register', params: Record<string, string> = {}) {
  const client = experienceClient(await startBrowserInteraction(applicationId, params));
  await expectStatus(client.start(event), 204);
  return client;
}

const email = (value: string) => ({ type: 'email', value }) as const;

describe('the email blocklist (emailBlocklistPolicy)', () => {
  it.each([
    ['someone@competitor.test', 'session.email_blocklist.email_not_allowed'],
    ['Troll@Example.com', 'session.email_blocklist.email_not_allowed'],
    ['temp@mailinator.com', 'session.email_blocklist.email_not_allowed'],
    ['ada+spare@example.com', 'session.email_blocklist.email_subaddressing_not_allowed'],
  ])('refuses to send a registration code to %s (422 %s), and sends nothing', async (address, code) => {
    const client = await interaction('Register');
    expect(await errorOf(client.sendCode(email(address), 'Register'))).toMatchObject({ status: 422, code });
    expect(await messageCount(address)).toBe(0);
  });

  it('with an allowlist, lets only the addresses it names register', async () => {
    await configure({ emailBlocklistPolicy: { customAllowlist: ['@company.example'] } });
    const client = await interaction('Register');
    expect(await errorOf(client.sendCode(email('outsider@gmail.com'), 'Register'))).toMatchObject({ status: 422, code: 'session.email_blocklist.email_not_allowed' });
    await verifyByCode(client, email('staff@company.example'), 'Register');
  });

  it('lets an allowed address register', async () => {
    const client = await interaction('Register');
    const verificationId = await verifyByCode(client, email('welcome@example.com'), 'Register');
    await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
    await expectStatus(client.identify({ verificationId }), 201);
  });

  it('refuses registration by a code verified before the operator blocked the address, and creates nothing', async () => {
    const client = await interaction('Register');
    const verificationId = await verifyByCode(client, email('late@soon-blocked.test'), 'Register');
    await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
    await configure({ emailBlocklistPolicy: { customBlocklist: ['@soon-blocked.test'] } });
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 422, code: 'session.email_blocklist.email_not_allowed' });
    expect(await findUserByIdentifier(await getDb(), email('late@soon-blocked.test'))).toBeUndefined();
  });

  it('still signs in someone who already has a blocked address', async () => {
    const client = await interaction('SignIn');
    const verificationId = await verificationIdOf(client.verifyPassword(email('troll@example.com'), PASSWORD));
    await expectStatus(client.identify({ verificationId }), 204);
    await expectStatus(client.submit(), 200);
  });

  it('refuses a blocked address as a new email on an account (POST /profile), and again at submit if blocked meanwhile', async () => {
    const emailRequired = (policy: typeof emailBlocklistPolicy) =>
      configure({
        emailBlocklistPolicy: policy,
        signIn: {
          methods: [
            { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
            { identifier: 'email', password: true, verificationCode: true, isPasswordPrimary: true },
          ],
        },
        signUp: { identifiers: ['username'], password: true, verify: true, secondaryIdentifiers: [{ identifier: 'email', verify: true }] },
      });
    await emailRequired(emailBlocklistPolicy);
    const client = await interaction('SignIn');
    await expectStatus(client.identify({ verificationId: await verificationIdOf(client.verifyPassword({ type: 'username', value: 'no_email_yet' }, PASSWORD)) }), 204);
    expect(await errorOf(client.submit())).toMatchObject({ status: 422, code: 'user.missing_profile' });
    const blocked = await verifyByCode(client, email('no_email_yet@competitor.test'), 'SignIn');
    expect(await errorOf(client.addProfile({ type: 'email', verificationId: blocked }))).toMatchObject({ status: 422, code: 'session.email_blocklist.email_not_allowed' });
    const allowed = await verifyByCode(client, email('no_email_yet@example.com'), 'SignIn');
    await expectStatus(client.addProfile({ type: 'email', verificationId: allowed }), 204);
    await emailRequired({ ...emailBlocklistPolicy, customBlocklist: ['no_email_yet@example.com'] });
    expect(await errorOf(client.submit())).toMatchObject({ status: 422, code: 'session.email_blocklist.email_not_allowed' });
    await emailRequired(emailBlocklistPolicy);
    await expectStatus(client.submit(), 200);
  });

  it('lets a magic link register the address the operator sent it to, blocked or not', async () => {
    const token = randomToken();
    await (await getDb()).insert(oneTimeTokens).values({ id: generateId(), email: 'partner@competitor.test', tokenHash: sha256(token), context: {}, expiresAt: new Date(Date.now() + 600_000) });
    const client = await interaction('SignIn', { one_time_token: token, login_hint: 'partner@competitor.test' });
    const verificationId = await verificationIdOf(client.verifyOneTimeToken('partner@competitor.test', token));
    await expectStatus(client.switchEvent('Register'), 204);
    await expectStatus(client.addProfile({ type: 'password', value: PASSWORD }), 204);
    await expectStatus(client.identify({ verificationId }), 201);
  });
});
