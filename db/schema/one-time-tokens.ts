import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export type OneTimeTokenContext = {
  jitOrganizationIds?: string[];
  interactionEvent?: 'SignIn' | 'Register' | 'ForgotPassword';
};

/**
 * Magic-link tokens (Logto's `one_time_tokens`). The token itself is shown once, on creation;
 * only its SHA-256 is stored, so a database leak yields no usable links.
 */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    tokenHash: text().notNull(),
    context: jsonb().$type<OneTimeTokenContext>().notNull().default({}),
    /** `active`, `consumed`, `revoked` or (set by an operator) `expired`; an `active` row past `expiresAt` also reads as `expired`. */
    status: text().notNull().default('active'),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('one_time_tokens_token_hash_key').on(t.tokenHash), index('one_time_tokens_email_idx').on(t.email)],
);

export type OneTimeToken = typeof oneTimeTokens.$inferSelect;
