import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A nested message tree, shaped like `messages/<locale>.json`: every leaf a string. */
export type Translation = { [key: string]: string | Translation };

/**
 * The operator's wording over Sesame's own, one row per language (Logto's `custom_phrases`,
 * `/api/custom-phrases`). `translation` holds only the changed messages; the pages merge it
 * over the shipped catalog (lib/i18n/custom-phrases.ts).
 */
export const customPhrases = pgTable(
  'custom_phrases',
  {
    id: text().primaryKey(),
    languageTag: text().notNull(),
    translation: jsonb().$type<Translation>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_phrases_language_tag_key').on(t.languageTag)],
);

export type CustomPhrase = typeof customPhrases.$inferSelect;
