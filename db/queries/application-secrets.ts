import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationSecrets } from '../schema';

/** What may be shown about a secret: never its digest, and the value itself is never stored. */
const secretInfoColumns = {
  applicationId: applicationSecrets.applicationId,
  name: applicationSecrets.name,
  createdAt: applicationSecrets.createdAt,
  expiresAt: applicationSecrets.expiresAt,
};

export type SecretInfo = { applicationId: string; name: string; createdAt: Date; expiresAt: Date | null };

export async function insertApplicationSecret(db: Executor, secret: typeof applicationSecrets.$inferInsert): Promise<SecretInfo> {
  const [row] = await db.insert(applicationSecrets).values(secret).returning(secretInfoColumns);
  return row!;
}

export function listApplicationSecrets(db: Executor, applicationId: string): Promise<SecretInfo[]> {
  return db
    .select(secretInfoColumns)
    .from(applicationSecrets)
    .where(eq(applicationSecrets.applicationId, applicationId))
    .orderBy(asc(applicationSecrets.createdAt), asc(applicationSecrets.name));
}

export async function deleteApplicationSecret(db: Executor, applicationId: string, name: string): Promise<boolean> {
  const rows = await db
    .delete(applicationSecrets)
    .where(and(eq(applicationSecrets.applicationId, applicationId), eq(applicationSecrets.name, name)))
    .returning({ name: applicationSecrets.name });
  return rows.length > 0;
}
