import '../../support/experience-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { deleteUser, findUserById, updateUser } from '@/db/queries/users';
import { closeTestDatabase, createApplication, createUser } from '../../support/experience-fixture';
import { errorOf, expectStatus, startedExperienceClient, type ExperienceClient } from './client';

/**
 * An administrator may suspend or delete an account between the steps of a sign-in:
 * identification checks it in the statement that saves, and must still say why it refused.
 */
let applicationId: string;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  applicationId = await createApplication();
});
afterAll(closeTestDatabase);

async function verifiedClient(username: string): Promise<{ client: ExperienceClient; verificationId: string; userId: string }> {
  const user = await createUser({ username, password: PASSWORD });
  const client = await startedExperienceClient(applicationId);
  const response = await expectStatus(client.verifyPassword({ type: 'username', value: username }, PASSWORD), 200);
  const { verificationId } = (await response.json()) as { verificationId: string };
  return { client, verificationId, userId: user.id };
}

describe('account changes between the password and identification', () => {
  it('refuses an account suspended in between (401 user.suspended) and saves nothing', async () => {
    const { client, verificationId, userId } = await verifiedClient('suspended_midway');
    await updateUser(await getDb(), userId, { isSuspended: true });

    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 401, code: 'user.suspended' });
    const view = (await (await expectStatus(client.interaction(), 200)).json()) as { userId: string | null };
    expect(view.userId).toBeNull();
  });

  it('refuses an account deleted in between (404 user.user_not_exist)', async () => {
    const { client, verificationId, userId } = await verifiedClient('deleted_midway');
    await deleteUser(await getDb(), userId);

    expect(await errorOf(client.identify({ verificationId }))).toMatchObject({ status: 404, code: 'user.user_not_exist' });
  });

  it('identifies once the suspension is lifted, and submit records the sign-in', async () => {
    const { client, verificationId, userId } = await verifiedClient('lifted_midway');
    const db = await getDb();
    await updateUser(db, userId, { isSuspended: true });
    await errorOf(client.identify({ verificationId }));
    await updateUser(db, userId, { isSuspended: false });

    await expectStatus(client.identify({ verificationId }), 204);
    await expectStatus(client.submit(), 200);
    expect((await findUserById(db, userId))?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('refuses submit for an account suspended after identification', async () => {
    const { client, verificationId, userId } = await verifiedClient('suspended_before_submit');
    await expectStatus(client.identify({ verificationId }), 204);
    await updateUser(await getDb(), userId, { isSuspended: true });

    expect(await errorOf(client.submit())).toMatchObject({ status: 401, code: 'user.suspended' });
    expect((await findUserById(await getDb(), userId))?.lastSignInAt).toBeNull();
  });
});

