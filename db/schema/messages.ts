import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One-time codes sent to an email address or a phone (Logto's `passcodes`). Only the code's
 * hash is kept; `recipientHash` is a keyed HMAC-SHA-256 of the channel and the normalized
 * address (a key derived from the installation secret, lib/experience/verification-codes.ts), so the table
 * says nothing about who was written to, and a leaked table cannot be checked against a list
 * of addresses without the key. Attempts are counted in the row itself with one atomic
 * update, so parallel guesses cannot each see "0 tries so far".
 */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: text().primaryKey(),
    /** The interaction (or, later, account-center verification) the code belongs to. */
    ownerId: text().notNull(),
    /** `email` or `phone`. */
    channel: text().notNull(),
    recipientHash: text().notNull(),
    /** SignIn, Register, ForgotPassword or Generic: a code sent for one purpose proves nothing for another. */
    purpose: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_codes_owner_id_idx').on(t.ownerId), index('verification_codes_expires_at_idx').on(t.expiresAt)],
);

export type VerificationCode = typeof verificationCodes.$inferSelect;

/**
 * Email and SMS connectors configured through the Management API (`/api/connectors`).
 * `config` is sealed with `encryptAtRest`: it holds SMTP passwords and API tokens.
 */
export const connectors = pgTable(
  'connectors',
  {
    id: text().primaryKey(),
    /** The connector implementation, e.g. `smtp`, `http-sms`, `twilio-sms`. */
    connectorId: text().notNull(),
    /** `Email` or `Sms`: at most one of each is active. */
    type: text().notNull(),
    sealedConfig: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('connectors_type_key').on(t.type)],
);

export type ConnectorRow = typeof connectors.$inferSelect;

/**
 * The development mailbox: messages that would have been sent when no connector is
 * configured and `DEV_MAILBOX` is on (never in production unless asked for).
 */
export const devMessages = pgTable(
  'dev_messages',
  {
    id: text().primaryKey(),
    channel: text().notNull(),
    recipient: text().notNull(),
    purpose: text().notNull(),
    subject: text(),
    text: text().notNull(),
    html: text(),
    /** Template variables (e.g. `{ code }`), so tests and the mailbox page can read them. */
    payload: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_messages_created_at_idx').on(t.createdAt)],
);

export type DevMessage = typeof devMessages.$inferSelect;

/** Logto's email template types. Sesame sends SignIn, Register, ForgotPassword and Generic today; the rest wait for their features. */
export const emailTemplateTypes = [
  'SignIn',
  'Register',
  'ForgotPassword',
  'OrganizationInvitation',
  'Generic',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
] as const;
export type EmailTemplateType = (typeof emailTemplateTypes)[number];

/** What an operator's email template holds (Logto's `details`): `{{variables}}` in subject and content. */
export type EmailTemplateDetails = {
  subject: string;
  content: string;
  contentType?: 'text/html' | 'text/plain';
  replyTo?: string;
  sendFrom?: string;
};

/**
 * The operator's own verification emails (Logto's `email_templates`): at most one per language
 * and purpose. Without one, Sesame's built-in template for that purpose is sent.
 */
export const emailTemplates = pgTable(
  'email_templates',
  {
    id: text().primaryKey(),
    languageTag: text().notNull(),
    templateType: text().$type<EmailTemplateType>().notNull(),
    details: jsonb().$type<EmailTemplateDetails>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_templates_language_tag_template_type_key').on(t.languageTag, t.templateType)],
);
export type EmailTemplate = typeof emailTemplates.$inferSelect;
