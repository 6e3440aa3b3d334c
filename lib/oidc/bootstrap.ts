import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { applicationSecrets, applications, applicationsRoles, resources, roles, rolesScopes, scopes } from '@/db/schema';
import { env } from '@/lib/env';
import { sha256 } from '@/lib/security/crypto';
import { MANAGEMENT_SCOPE } from './management-auth';

const MANAGEMENT_ROLE = 'Management API access';

/**
 * Start-up seed, idempotent and safe when several instances start at once:
 * the built-in Management API resource with its `all` scope, a machine-to-machine role
 * holding it, and — when BOOTSTRAP_ADMIN_CLIENT_ID/SECRET are set — an M2M app with that
 * role, so a fresh deployment can be automated without any UI.
 */
export async function seedManagementAccess(db: Database): Promise<void> {
  const config = env();
  await db.transaction(async (tx) => {
    await tx
      .insert(resources)
      .values({ id: 'management-api', name: 'Sesame Management API', indicator: config.managementApiResource, isBuiltIn: true })
      .onConflictDoNothing();
    // APP_URL may have changed since the first start (a new domain): follow it.
    await tx.update(resources).set({ indicator: config.managementApiResource }).where(eq(resources.id, 'management-api'));
    await tx
      .insert(scopes)
      .values({ id: 'management-api-all', resourceId: 'management-api', name: MANAGEMENT_SCOPE, description: 'Full access to the Management API' })
      .onConflictDoNothing();
    await tx
      .insert(roles)
      .values({ id: 'management-api-access', name: MANAGEMENT_ROLE, type: 'MachineToMachine', description: 'Full access to the Management API' })
      .onConflictDoNothing();
    await tx.insert(rolesScopes).values({ roleId: 'management-api-access', scopeId: 'management-api-all' }).onConflictDoNothing();

    const admin = config.bootstrapAdmin;
    if (!admin) return;
    await tx
      .insert(applications)
      .values({
        id: admin.clientId,
        name: 'Bootstrap admin',
        description: 'Created from BOOTSTRAP_ADMIN_CLIENT_ID at start-up',
        type: 'MachineToMachine',
        oidcClientMetadata: { redirectUris: [], postLogoutRedirectUris: [] },
      })
      .onConflictDoNothing();
    // The secret follows the environment: changing BOOTSTRAP_ADMIN_CLIENT_SECRET rotates it.
    await tx
      .insert(applicationSecrets)
      .values({ id: `${admin.clientId}-bootstrap`, applicationId: admin.clientId, name: 'bootstrap', secretHash: sha256(admin.clientSecret) })
      .onConflictDoUpdate({ target: applicationSecrets.id, set: { secretHash: sha256(admin.clientSecret) } });
    await tx.insert(applicationsRoles).values({ applicationId: admin.clientId, roleId: 'management-api-access' }).onConflictDoNothing();
  });
}

