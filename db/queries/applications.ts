import { and, count, desc, eq, exists, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationSecrets, applications, applicationsRoles, type Application } from '../schema';
import type { PageSlice } from './page';

export function findApplicationById(db: Executor, id: string): Promise<Application | undefined> {
  return db.query.applications.findFirst({ where: eq(applications.id, id) });
}

export type SecretDigest = { secretHash: string; expiresAt: Date | null };

/**
 * Digests of the secrets not yet expired, with their expiry, so a cached copy can still
 * tell when one runs out (never the secrets: only digests are stored).
 */
export function listValidSecretDigests(db: Executor, applicationId: string, now = new Date()): Promise<SecretDigest[]> {
  return db
    .select({ secretHash: applicationSecrets.secretHash, expiresAt: applicationSecrets.expiresAt })
    .from(applicationSecrets)
    .where(
      and(
        eq(applicationSecrets.applicationId, applicationId),
        or(isNull(applicationSecrets.expiresAt), gt(applicationSecrets.expiresAt, now)),
      ),
    );
}

export type ApplicationFilter = { roleId?: string };

function applicationWhere(filter: ApplicationFilter): SQL | undefined {
  if (!filter.roleId) return undefined;
  return exists(
    sql`(select 1 from ${applicationsRoles} where ${applicationsRoles.applicationId} = ${applications.id} and ${applicationsRoles.roleId} = ${filter.roleId})`,
  );
}

export function listApplications(db: Executor, filter: ApplicationFilter, slice: PageSlice): Promise<Application[]> {
  return db
    .select()
    .from(applications)
    .where(applicationWhere(filter))
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(slice.limit)
    .offset(slice.offset);
}

export async function countApplications(db: Executor, filter: ApplicationFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(applications).where(applicationWhere(filter));
  return row?.total ?? 0;
}

export async function insertApplication(db: Executor, application: typeof applications.$inferInsert): Promise<Application> {
  const [row] = await db.insert(applications).values(application).returning();
  return row!;
}

/** Reads the row and locks it until the transaction ends (read-modify-write of its JSON fields). */
export async function lockApplication(db: Executor, id: string): Promise<Application | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function updateApplication(
  db: Executor,
  id: string,
  changes: Partial<Omit<typeof applications.$inferInsert, 'id' | 'type'>>,
): Promise<Application | undefined> {
  const [row] = await db.update(applications).set(changes).where(eq(applications.id, id)).returning();
  return row;
}

export async function deleteApplication(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(applications).where(eq(applications.id, id)).returning({ id: applications.id });
  return rows.length > 0;
}
