import { TEST_APP_URL } from '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserById } from '@/db/queries/users';
import { findInteraction } from '@/lib/oidc/interaction';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { expectStatus, experienceClient, signIn } from './client';

let applicationId: string;

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'Alice', primaryEmail: 'Alice@Example.com', password: 'correct horse battery' });
});
afterAll(closeTestDatabase);

describe('password sign-in through the Experience API', () => {
  it('verifies, identifies and submits, handing back to /oidc/auth/resume', async () => {
    const cookie = await startBrowserInteraction(applicationId);
    const { redirectTo } = await signIn(experienceClient(cookie), { type: 'username', value: 'alice' }, 'correct horse battery');

    expect(redirectTo).toBe(`${TEST_APP_URL}/oidc/auth/resume`);
    const interaction = await findInteraction(await getDb(), cookie.split('=')[1]);
    const login = (interaction?.result as { login: { userId: string; amr: string[]; authTime: string } }).login;
    expect(login.amr).toEqual(['pwd']);
    const user = await findUserById(await getDb(), login.userId);
    expect(user?.username).toBe('Alice');
    expect(user?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('matches emails and usernames regardless of case', async () => {
    const cookie = await startBrowserInteraction(applicationId);
    await expect(signIn(experienceClient(cookie), { type: 'email', value: 'ALICE@example.COM' }, 'correct horse battery')).resolves.toMatchObject({
      redirectTo: `${TEST_APP_URL}/oidc/auth/resume`,
    });
  });

  it('shows the progress without secrets on GET /interaction', async () => {
    const cookie = await startBrowserInteraction(applicationId);
    const client = experienceClient(cookie);
    await expectStatus(client.start(), 204);
    const verification = await expectStatus(client.verifyPassword({ type: 'username', value: 'Alice' }, 'correct horse battery'), 200);
    const { verificationId } = (await verification.json()) as { verificationId: string };
    await expectStatus(client.identify({ verificationId }), 204);

    const body = await (await expectStatus(client.interaction(), 200)).text();
    const view = JSON.parse(body);
    expect(view).toMatchObject({
      interactionEvent: 'SignIn',
      profile: {},
      verificationRecords: [{ id: verificationId, type: 'Password', identifier: { type: 'username', value: 'Alice' }, verified: true }],
    });
    expect(view.userId).toEqual(expect.any(String));
    expect(body).not.toMatch(/argon2|passwordHash|correct horse/);
  });

  it('starts over on PUT: earlier verifications no longer identify anyone', async () => {
    const cookie = await startBrowserInteraction(applicationId);
    const client = experienceClient(cookie);
    await expectStatus(client.start(), 204);
    const { verificationId } = (await (await client.verifyPassword({ type: 'username', value: 'alice' }, 'correct horse battery')).json()) as {
      verificationId: string;
    };
    await expectStatus(client.start(), 204);
    const response = await client.identify({ verificationId });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'session.verification_session_not_found' });
  });
});
