import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export type UserProfile = {
  familyName?: string;
  givenName?: string;
  middleName?: string;
  nickname?: string;
  preferredUsername?: string;
  profile?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  address?: Record<string, string>;
};

export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    username: text(),
    primaryEmail: text(),
    primaryPhone: text(),
    passwordHash: text(),
    name: text(),
    avatar: text(),
    profile: jsonb().$type<UserProfile>().notNull().default({}),
    customData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    isSuspended: boolean().notNull().default(false),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Identifiers are unique regardless of case: "Alice" and "alice" are one person.
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_primary_email_key').on(sql`lower(${t.primaryEmail})`),
    uniqueIndex('users_primary_phone_key').on(t.primaryPhone),
    index('users_created_at_idx').on(t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
