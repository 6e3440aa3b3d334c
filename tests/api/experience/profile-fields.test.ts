import '../../support/experience-env';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserByIdentifier } from '@/db/queries/users';
import { customProfileFields } from '@/db/schema';
import { forgetCachedProfileFields } from '@/lib/sign-in-exp/profile-fields-store';
import { generateId } from '@/lib/security/ids';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '../../support/experience-fixture';
import { errorOf, expectStatus, experienceClient, verificationIdOf } from './client';
import { configure } from './codes';

let applicationId: string;
const PASSWORD = 'a long enough password';

async function setFields(fields: Array<{ name: string; type: string; required: boolean; config?: Record<string, unknown> }>) {
  const db = await getDb();
  await db.delete(customProfileFields);
  for (const [index, field] of fields.entries()) {
    await db.insert(customProfileFields).values({ id: generateId(), label: field.name, description: null, config: {}, sieOrder: index + 1, ...field });
  }
  forgetCachedProfileFields();
}

beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'old_member', password: PASSWORD });
});
beforeEach(async () => {
  await configure();
  await setFields([
    { name: 'name', type: 'Text', required: true },
    { name: 'birthdate', type: 'Date', required: false },
    { name: 'plan', type: 'Select', required: true, config: { options: [{ value: 'free' }, { value: 'pro' }] } },
  ]);
});
afterAll(closeTestDatabase);

async function registeringUsername(username: string) {
  const client = experienceClient(await startBrowserInteraction(applicationId));
  await expectStatus(client.start('Register'), 204);
  const verificationId = await verificationIdOf(client.newPasswordIdentity({ type: 'username', value: username }, PASSWORD));
  return { client, verificationId };
}

describe('profile fields at registration (extraProfile)', () => {
  it('asks for them once the sign-up settings are met, and creates the account with the answers', async () => {
    const { client, verificationId } = await registeringUsername('ada');
    const missing = await errorOf(client.identify({ verificationId }));
    expect(missing).toMatchObject({ status: 422, code: 'user.missing_profile' });
    expect(JSON.parse(missing.body).data).toEqual({ missingProfile: ['extraProfile'] });
    expect(await findUserByIdentifier(await getDb(), { type: 'username', value: 'ada' })).toBeUndefined();

    await expectStatus(client.addProfile({ type: 'extraProfile', values: { name: 'Ada Lovelace', birthdate: '1815-12-10', plan: 'pro' } }), 204);
    await expectStatus(client.identify({}), 201);
    await expectStatus(client.submit(), 200);
    const user = await findUserByIdentifier(await getDb(), { type: 'username', value: 'ada' });
    expect(user).toMatchObject({ name: 'Ada Lovelace', profile: { birthdate: '1815-12-10' }, customData: { plan: 'pro' } });
  });

  it('refuses answers the fields do not allow, by field, and keeps none of them', async () => {
    const { client, verificationId } = await registeringUsername('grace');
    await errorOf(client.identify({ verificationId }));
    const refused = await errorOf(client.addProfile({ type: 'extraProfile', values: { name: '', plan: 'enterprise', shoeSize: 42 } }));
    expect(refused).toMatchObject({ status: 400, code: 'guard.invalid_input' });
    expect(JSON.parse(refused.body).data.problems).toEqual({
      name: { code: 'profile_field.required' },
      plan: { code: 'profile_field.not_an_option' },
      shoeSize: { code: 'profile_field.unknown' },
    });
    expect(JSON.parse((await errorOf(client.identify({}))).body).data).toEqual({ missingProfile: ['extraProfile'] });
  });

  it('asks again when a field was made required after the answers were given', async () => {
    const { client, verificationId } = await registeringUsername('katherine');
    await errorOf(client.identify({ verificationId }));
    await expectStatus(client.addProfile({ type: 'extraProfile', values: { name: 'Katherine Johnson', plan: 'free' } }), 204);
    await setFields([
      { name: 'name', type: 'Text', required: true },
      { name: 'birthdate', type: 'Date', required: true },
    ]);
    expect(JSON.parse((await errorOf(client.identify({}))).body).data).toEqual({ missingProfile: ['extraProfile'] });
    await expectStatus(client.addProfile({ type: 'extraProfile', values: { name: 'Katherine Johnson', birthdate: '1918-08-26' } }), 204);
    // A field removed meanwhile takes its answer with it.
    await setFields([{ name: 'name', type: 'Text', required: true }]);
    await expectStatus(client.identify({}), 201);
    const user = await findUserByIdentifier(await getDb(), { type: 'username', value: 'katherine' });
    expect(user?.name).toBe('Katherine Johnson');
    expect(user?.profile).toEqual({});
    expect(user?.customData).toEqual({});
  });

  it('asks nothing more when no field is configured, and never at sign-in', async () => {
    await setFields([]);
    const fresh = await registeringUsername('dorothy');
    await expectStatus(fresh.client.identify({ verificationId: fresh.verificationId }), 201);

    await setFields([{ name: 'name', type: 'Text', required: true }]);
    const signIn = experienceClient(await startBrowserInteraction(applicationId));
    await expectStatus(signIn.start('SignIn'), 204);
    await expectStatus(signIn.identify({ verificationId: await verificationIdOf(signIn.verifyPassword({ type: 'username', value: 'old_member' }, PASSWORD)) }), 204);
    expect(await errorOf(signIn.addProfile({ type: 'extraProfile', values: { name: 'Old Member' } }))).toMatchObject({ status: 400, code: 'session.invalid_interaction_type' });
    await expectStatus(signIn.submit(), 200);
  });
});
