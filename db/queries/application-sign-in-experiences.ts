import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { applicationSignInExperiences, type ApplicationSignInExperience } from '../schema';

export type ApplicationSignInExperienceFields = Omit<ApplicationSignInExperience, 'applicationId' | 'createdAt' | 'updatedAt'>;

export async function findApplicationSignInExperience(db: Executor, applicationId: string): Promise<ApplicationSignInExperience | undefined> {
  const [row] = await db.select().from(applicationSignInExperiences).where(eq(applicationSignInExperiences.applicationId, applicationId));
  return row;
}

/**
 * Creates or replaces an app's sign-in experience in one statement; `created` tells which
 * (a row inserted now has xmax 0), so two concurrent first writes cannot both answer 201.
 */
export async function upsertApplicationSignInExperience(
  db: Executor,
  applicationId: string,
  fields: ApplicationSignInExperienceFields,
): Promise<{ row: ApplicationSignInExperience; created: boolean }> {
  const [result] = await db
    .insert(applicationSignInExperiences)
    .values({ applicationId, ...fields })
    .onConflictDoUpdate({ target: applicationSignInExperiences.applicationId, set: { ...fields, updatedAt: new Date() } })
    .returning({ ...getTableColumns(applicationSignInExperiences), created: sql<boolean>`(xmax = 0)` });
  const { created, ...row } = result!;
  return { row, created };
}
