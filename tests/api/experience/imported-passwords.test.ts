import '../../support/experience-env';
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { findUserPasswordHash } from '@/db/queries/users';
import { createUser } from '@/lib/management/users/users';
import { closeTestDatabase, createApplication } from '../../support/experience-fixture';
import { errorOf, expectStatus, startedExperienceClient } from './client';

/**
 * People moved in from another system (Logto's `passwordDigest` + `passwordAlgorithm`) sign in
 * with their old password through the same Experience API; the first sign-in stores argon2id.
 */
let applicationId: string;
const PASSWORD = 'my old password from the old system';

beforeAll(async () => {
  applicationId = await createApplication();
});
afterAll(closeTestDatabase);

const storedHash = async (id: string) => (await findUserPasswordHash(await getDb(), id))?.passwordHash;

describe('imported password digests', () => {
  it('sign in with the old password, which becomes argon2id on the way; a wrong one is refused as any other', async () => {
    const sha = await createUser({ username: 'moved_sha', passwordAlgorithm: 'SHA256', passwordDigest: createHash('sha256').update(PASSWORD).digest('hex') });
    const bcrypted = await createUser({ username: 'moved_bcrypt', passwordAlgorithm: 'Bcrypt', passwordDigest: await bcrypt.hash(PASSWORD, 4) });
    for (const user of [sha, bcrypted]) {
      const identifier = { type: 'username', value: user.username! } as const;
      expect(await errorOf((await startedExperienceClient(applicationId)).verifyPassword(identifier, 'a wrong guess'))).toMatchObject({ status: 422, code: 'session.invalid_credentials' });
      expect(await storedHash(user.id)).not.toMatch(/^\$argon2id\$/);

      const client = await startedExperienceClient(applicationId);
      const { verificationId } = (await (await expectStatus(client.verifyPassword(identifier, PASSWORD), 200)).json()) as { verificationId: string };
      await expectStatus(client.identify({ verificationId }), 204);
      await expectStatus(client.submit(), 200);
      expect(await storedHash(user.id)).toMatch(/^\$argon2id\$/);

      // The same password still works, now against argon2id.
      await expectStatus((await startedExperienceClient(applicationId)).verifyPassword(identifier, PASSWORD), 200);
    }
  });
});
