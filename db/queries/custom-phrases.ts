import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { customPhrases, type CustomPhrase, type Translation } from '../schema';

export function listCustomPhrases(db: Executor): Promise<CustomPhrase[]> {
  return db.select().from(customPhrases).orderBy(asc(customPhrases.languageTag));
}

export async function findCustomPhrase(db: Executor, languageTag: string): Promise<CustomPhrase | undefined> {
  const [row] = await db.select().from(customPhrases).where(eq(customPhrases.languageTag, languageTag));
  return row;
}

/** Creates the language's phrases or replaces them whole, in one statement (two concurrent writers: the last one wins). */
export async function upsertCustomPhrase(db: Executor, row: { id: string; languageTag: string; translation: Translation }): Promise<CustomPhrase> {
  const [saved] = await db
    .insert(customPhrases)
    .values(row)
    .onConflictDoUpdate({ target: customPhrases.languageTag, set: { translation: sql`excluded.translation`, updatedAt: sql`now()` } })
    .returning();
  return saved!;
}

export async function deleteCustomPhrase(db: Executor, languageTag: string): Promise<boolean> {
  const deleted = await db.delete(customPhrases).where(eq(customPhrases.languageTag, languageTag)).returning({ id: customPhrases.id });
  return deleted.length > 0;
}
