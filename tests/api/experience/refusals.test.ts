import '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, startedExperienceClient } from './client';
import { configure } from './codes';

let applicationId: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'bob', primaryPhone: '821012345678', password: PASSWORD });
  await createUser({ username: 'carol', isSuspended: true, password: PASSWORD });
  await createUser({ username: 'dave' });
});
afterAll(closeTestDatabase);

const startedClient = () => startedExperienceClient(applicationId);

describe('wrong credentials reveal nothing', () => {
  it('answers a wrong password, an unknown user and a user without a password byte for byte alike', async () => {
    const client = await startedClient();
    const wrongPassword = await errorOf(client.verifyPassword({ type: 'username', value: 'bob' }, 'not the password'));
    const unknownUser = await errorOf(client.verifyPassword({ type: 'username', value: 'nobody' }, 'not the password'));
    const noPassword = await errorOf(client.verifyPassword({ type: 'username', value: 'dave' }, 'not the password'));

    expect(wrongPassword).toMatchObject({ status: 422, code: 'session.invalid_credentials' });
    expect(unknownUser.body).toBe(wrongPassword.body);
    expect(unknownUser.status).toBe(wrongPassword.status);
    expect(noPassword.body).toBe(wrongPassword.body);
    expect(noPassword.status).toBe(wrongPassword.status);
  });

  it('tells a suspended user so only after the right password', async () => {
    const client = await startedClient();
    expect(await errorOf(client.verifyPassword({ type: 'username', value: 'carol' }, 'a guess'))).toMatchObject({
      status: 422,
      code: 'session.invalid_credentials',
    });
    expect(await errorOf(client.verifyPassword({ type: 'username', value: 'carol' }, PASSWORD))).toMatchObject({ status: 401, code: 'user.suspended' });
  });
});

describe('steps out of order', () => {
  it('refuses every route without a live interaction: 404 session.interaction_not_found', async () => {
    for (const client of [experienceClient(), experienceClient('sesame_interaction=not-a-live-one')]) {
      for (const response of [
        client.start(),
        client.verifyPassword({ type: 'username', value: 'bob' }, PASSWORD),
        client.identify({ verificationId: 'x' }),
        client.submit(),
        client.interaction(),
      ]) {
        expect(await errorOf(response)).toMatchObject({ status: 404, code: 'session.interaction_not_found' });
      }
    }
  });

  it('refuses identification with an unknown or missing verification id', async () => {
    const client = await startedClient();
    expect(await errorOf(client.identify({ verificationId: 'never-issued' }))).toMatchObject({ status: 404, code: 'session.verification_session_not_found' });
    expect(await errorOf(client.identify({}))).toMatchObject({ status: 400, code: 'guard.invalid_input' });
  });

  it('refuses identification before the interaction event is set', async () => {
    const client = experienceClient(await startBrowserInteraction(applicationId));
    const { verificationId } = (await (await expectStatus(client.verifyPassword({ type: 'username', value: 'bob' }, PASSWORD), 200)).json()) as {
      verificationId: string;
    };
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 404, code: 'session.interaction_not_found' });
  });

  it('refuses submit before identification', async () => {
    const client = await startedClient();
    expect(await errorOf(client.submit())).toMatchObject({ status: 404, code: 'session.identifier_not_found' });
  });
});

describe('what the sign-in experience does not offer', () => {
  it('refuses registration (403 auth.forbidden) and password reset (422) with typed errors', async () => {
    await configure({ signInMode: 'SignIn', forgotPasswordMethods: [] });
    const client = experienceClient(await startBrowserInteraction(applicationId));
    expect(await errorOf(client.start('Register'))).toMatchObject({ status: 403, code: 'auth.forbidden' });
    expect(await errorOf(client.start('ForgotPassword'))).toMatchObject({ status: 422, code: 'session.forgot_password_not_enabled' });
    expect(await errorOf(client.start('Teleport'))).toMatchObject({ status: 400, code: 'guard.invalid_input' });
    await configure();
  });

  it('verifies a phone and password but does not sign in with them (not an enabled method)', async () => {
    const client = await startedClient();
    const { verificationId } = (await (await expectStatus(client.verifyPassword({ type: 'phone', value: '821012345678' }, PASSWORD), 200)).json()) as {
      verificationId: string;
    };
    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 422, code: 'user.sign_in_method_not_enabled' });
  });
});
