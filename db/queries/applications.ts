import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationSecrets, applications, type Application } from '../schema';

export function findApplicationById(db: Executor, id: string): Promise<Application | undefined> {
  return db.query.applications.findFirst({ where: eq(applications.id, id) });
}

/** Digests of the secrets that are still valid (never the secrets: only digests are stored). */
export async function listValidSecretHashes(db: Executor, applicationId: string, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ secretHash: applicationSecrets.secretHash })
    .from(applicationSecrets)
    .where(
      and(
        eq(applicationSecrets.applicationId, applicationId),
        or(isNull(applicationSecrets.expiresAt), gt(applicationSecrets.expiresAt, now)),
      ),
    );
  return rows.map((row) => row.secretHash);
}
