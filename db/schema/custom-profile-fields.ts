import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A field's settings (Logto's `config`); which keys apply depends on the field's type (lib/sign-in-exp/profile-fields.ts). */
export type ProfileFieldConfig = {
  placeholder?: string;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  /** Regex: the pattern a value must match. */
  format?: string;
  options?: Array<{ label?: string; value: string }>;
  defaultValue?: string;
};

/**
 * What registration asks of a new account beyond its identifiers and password (Logto's custom
 * profile fields, "Tell us about yourself"), in `sieOrder`. A field named after a standard claim
 * (`name`, `givenName`, `birthdate`…) fills the user's own field; any other name, `customData`.
 */
export const customProfileFields = pgTable(
  'custom_profile_fields',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    type: text().notNull(),
    label: text().notNull(),
    description: text(),
    required: boolean().notNull(),
    config: jsonb().$type<ProfileFieldConfig>().notNull().default({}),
    sieOrder: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('custom_profile_fields_name_key').on(t.name)],
);

export type CustomProfileField = typeof customProfileFields.$inferSelect;
