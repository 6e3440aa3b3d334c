import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { emailTemplates, type EmailTemplate, type EmailTemplateDetails, type EmailTemplateType } from '../schema';

export type EmailTemplateFilter = { languageTag?: string | undefined; templateType?: EmailTemplateType | undefined };

function where({ languageTag, templateType }: EmailTemplateFilter): SQL | undefined {
  return and(
    languageTag === undefined ? undefined : eq(emailTemplates.languageTag, languageTag),
    templateType === undefined ? undefined : eq(emailTemplates.templateType, templateType),
  );
}

/** Creates or replaces each (language, type) pair's template, in one statement. */
export function upsertEmailTemplates(db: Executor, rows: Array<Omit<EmailTemplate, 'createdAt'>>): Promise<EmailTemplate[]> {
  return db
    .insert(emailTemplates)
    .values(rows)
    .onConflictDoUpdate({ target: [emailTemplates.languageTag, emailTemplates.templateType], set: { details: sql`excluded.details` } })
    .returning();
}

export function listEmailTemplates(db: Executor, filter: EmailTemplateFilter): Promise<EmailTemplate[]> {
  return db.select().from(emailTemplates).where(where(filter)).orderBy(asc(emailTemplates.languageTag), asc(emailTemplates.templateType));
}

export async function findEmailTemplate(db: Executor, id: string): Promise<EmailTemplate | undefined> {
  const [row] = await db.select().from(emailTemplates).where(eq(emailTemplates.id, id));
  return row;
}

/** Every language's template of one purpose (a handful at most: the sender picks by language). */
export function findEmailTemplatesOfType(db: Executor, templateType: EmailTemplateType): Promise<EmailTemplate[]> {
  return db.select().from(emailTemplates).where(eq(emailTemplates.templateType, templateType));
}

/** Merges `patch` over the stored details in the statement itself, so concurrent patches of different keys both land. */
export async function patchEmailTemplateDetails(db: Executor, id: string, patch: Partial<EmailTemplateDetails>): Promise<EmailTemplate | undefined> {
  const [row] = await db
    .update(emailTemplates)
    .set({ details: sql`${emailTemplates.details} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(emailTemplates.id, id))
    .returning();
  return row;
}

export async function deleteEmailTemplate(db: Executor, id: string): Promise<boolean> {
  const deleted = await db.delete(emailTemplates).where(eq(emailTemplates.id, id)).returning({ id: emailTemplates.id });
  return deleted.length > 0;
}

/** Deletes what the filter matches (it names at least one field: callers check) and says how many. */
export async function deleteEmailTemplates(db: Executor, filter: EmailTemplateFilter): Promise<number> {
  const deleted = await db.delete(emailTemplates).where(where(filter)).returning({ id: emailTemplates.id });
  return deleted.length;
}
