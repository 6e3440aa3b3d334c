import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteApplicationSecret, insertApplicationSecret, listApplicationSecrets, type SecretInfo } from '@/db/queries/application-secrets';
import { findApplicationById } from '@/db/queries/applications';
import { AppError } from '@/lib/errors';
import { invalidateClient, isPublicType } from '@/lib/oidc/clients';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { epochMs } from '../dates';
import { assertRemoved, found, withUniqueErrors } from '../errors';

export const createSecretBody = z.object({
  name: z.string().trim().min(1).max(256),
  /** Epoch milliseconds, as in Logto. */
  expiresAt: z
    .number()
    .int()
    .refine((value) => value > Date.now(), 'must be in the future')
    .nullish(),
});

function secretResponse(secret: SecretInfo) {
  return { ...secret, createdAt: epochMs(secret.createdAt), expiresAt: epochMs(secret.expiresAt) };
}

async function confidentialApplication(id: string) {
  const application = found(await findApplicationById(await getDb(), id), 'application', id);
  if (isPublicType(application.type)) {
    throw new AppError('application.invalid_type', 422, 'Only Traditional and MachineToMachine applications have secrets.');
  }
  return application;
}

/** Names and dates only: values are shown once, at creation, and never stored. */
export async function listSecrets(applicationId: string) {
  found(await findApplicationById(await getDb(), applicationId), 'application', applicationId);
  return (await listApplicationSecrets(await getDb(), applicationId)).map(secretResponse);
}

/** A new 256-bit secret for rotation: the old ones keep working until deleted or expired. */
export async function createSecret(applicationId: string, { name, expiresAt }: z.infer<typeof createSecretBody>) {
  await confidentialApplication(applicationId);
  const value = randomToken(32);
  const created = await withUniqueErrors(
    async () =>
      insertApplicationSecret(await getDb(), {
        id: generateId(),
        applicationId,
        name,
        secretHash: sha256(value),
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      }),
    { application_secrets_application_id_name_key: () => new AppError('application.secret_name_exists', 422, 'Secret name already exists.') },
  );
  invalidateClient(applicationId);
  return { ...secretResponse(created), value };
}

export async function deleteSecret(applicationId: string, name: string): Promise<void> {
  found(await findApplicationById(await getDb(), applicationId), 'application', applicationId);
  assertRemoved(await deleteApplicationSecret(await getDb(), applicationId, name), `The secret \`${name}\``);
  invalidateClient(applicationId);
}
