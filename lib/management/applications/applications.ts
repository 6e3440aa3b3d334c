import { getDb } from '@/db/client';
import { countApplications, deleteApplication, findApplicationById, insertApplication, listApplications, lockApplication, updateApplication } from '@/db/queries/applications';
import { insertApplicationSecret } from '@/db/queries/application-secrets';
import type { Application, ApplicationType, OidcClientMetadata } from '@/db/schema';
import { assertThat } from '@/lib/errors';
import { invalidateClient, isPublicType } from '@/lib/oidc/clients';
import { invalidateResourceCaches } from '@/lib/oidc/resources';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { epochMs } from '../dates';
import { assertFound, found } from '../errors';
import { paginate, type Pagination } from '../pagination';
import { oidcClientMetadataFor, type CreateApplicationBody, type UpdateApplicationBody } from './schemas';

export function applicationResponse(application: Application) {
  const { id, name, description, type, oidcClientMetadata, customClientMetadata, customData, isThirdParty, createdAt } = application;
  return { id, name, description, type, oidcClientMetadata, customClientMetadata, customData, isThirdParty, createdAt: epochMs(createdAt) };
}

/** Merges a patch into stored metadata (`null` deletes a key) and checks the result against the type's rules. */
function mergeOidcClientMetadata(type: ApplicationType, current: Partial<OidcClientMetadata>, patch: Record<string, unknown> = {}) {
  const merged = Object.fromEntries(
    Object.entries({ redirectUris: [], postLogoutRedirectUris: [], ...current, ...patch }).filter(([, value]) => value !== null),
  );
  return oidcClientMetadataFor(type).parse(merged);
}

/**
 * A confidential app (Traditional, MachineToMachine) gets a 256-bit secret. Its value is
 * returned here once, as `secret`; only its SHA-256 digest is stored.
 */
export async function createApplication({ oidcClientMetadata, isThirdParty = false, ...fields }: CreateApplicationBody) {
  assertThat(
    !isThirdParty || fields.type !== 'MachineToMachine',
    'application.invalid_third_party_application_type',
    400,
    'Only Traditional, SPA and Native applications can be third-party apps.',
  );
  const metadata = mergeOidcClientMetadata(fields.type, {}, oidcClientMetadata);
  const secret = isPublicType(fields.type) ? undefined : randomToken(32);
  const db = await getDb();
  const application = await db.transaction(async (tx) => {
    const created = await insertApplication(tx, { id: generateId(), ...fields, oidcClientMetadata: metadata, isThirdParty });
    if (secret) await insertApplicationSecret(tx, { id: generateId(), applicationId: created.id, name: 'Default secret', secretHash: sha256(secret) });
    return created;
  });
  return { ...applicationResponse(application), ...(secret ? { secret } : {}) };
}

export async function listApplicationPage(query: Pagination & { roleId?: string }) {
  const db = await getDb();
  const filter = { roleId: query.roleId };
  return paginate(query, { list: (slice) => listApplications(db, filter, slice), count: () => countApplications(db, filter) }, applicationResponse);
}

export async function getApplication(id: string) {
  return applicationResponse(found(await findApplicationById(await getDb(), id), 'application', id));
}

/** JSON fields are merged at the top level, as Logto does; the row is locked so concurrent patches do not lose each other. */
export async function updateApplicationFields(id: string, { oidcClientMetadata, customClientMetadata, customData, ...fields }: UpdateApplicationBody) {
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const current = found(await lockApplication(tx, id), 'application', id);
    return updateApplication(tx, id, {
      ...fields,
      ...(oidcClientMetadata && { oidcClientMetadata: mergeOidcClientMetadata(current.type, current.oidcClientMetadata, oidcClientMetadata) }),
      ...(customClientMetadata && { customClientMetadata: { ...current.customClientMetadata, ...customClientMetadata } }),
      ...(customData && { customData: { ...current.customData, ...customData } }),
    });
  });
  invalidateClient(id);
  return applicationResponse(found(updated, 'application', id));
}

export async function removeApplication(id: string): Promise<void> {
  assertFound(await deleteApplication(await getDb(), id), 'application', id);
  invalidateClient(id);
  // Its role assignments went with it.
  invalidateResourceCaches();
}
