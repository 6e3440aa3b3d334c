import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { users } from './users';

/**
 * Token signing keys. The private JWK is encrypted with the installation secret
 * (AES-256-GCM); `retiredAt` marks a rotated-out key that stays in the JWKS until `expiresAt`.
 */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  alg: text().notNull(),
  publicJwk: jsonb().$type<Record<string, unknown>>().notNull(),
  privateJwkEncrypted: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp({ withTimezone: true }),
  expiresAt: timestamp({ withTimezone: true }),
});

/**
 * The OP session. `id` is the SHA-256 of the cookie value, so a database leak
 * does not hand out live sessions; `sid` is the public identifier used in ID tokens and logout.
 */
export const oidcSessions = pgTable(
  'oidc_sessions',
  {
    id: text().primaryKey(),
    sid: text().notNull().unique('oidc_sessions_sid_key'),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authTime: timestamp({ withTimezone: true }).notNull(),
    amr: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_sessions_user_id_idx').on(t.userId), index('oidc_sessions_expires_at_idx').on(t.expiresAt)],
);

/**
 * One authorization in progress (and, later, the Experience API state). `id` is the
 * SHA-256 of the browser-bound cookie value.
 */
export const interactions = pgTable(
  'interactions',
  {
    id: text().primaryKey(),
    applicationId: text()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    params: jsonb().$type<Record<string, string>>().notNull(),
    state: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Set when the sign-in experience or the consent step finished: what /oidc/auth resumes with. */
    result: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('interactions_expires_at_idx').on(t.expiresAt)],
);

/**
 * A grant: one user's authorization of one app in one OP session. Codes, refresh
 * tokens and opaque access tokens hang off it, so revoking the grant revokes them all.
 */
export const grants = pgTable(
  'grants',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    applicationId: text()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    sid: text(),
    scope: text().notNull(),
    resources: jsonb().$type<string[]>().notNull().default([]),
    offlineAccess: boolean().notNull().default(false),
    authTime: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('grants_user_id_idx').on(t.userId),
    index('grants_sid_idx').on(t.sid),
    index('grants_application_id_idx').on(t.applicationId),
    index('grants_expires_at_idx').on(t.expiresAt),
  ],
);

const grantRef = () =>
  text()
    .notNull()
    .references(() => grants.id, { onDelete: 'cascade' });

export const authorizationCodes = pgTable(
  'authorization_codes',
  {
    codeHash: text().primaryKey(),
    grantId: grantRef(),
    applicationId: text().notNull(),
    redirectUri: text().notNull(),
    codeChallenge: text(),
    nonce: text(),
    scope: text().notNull(),
    resource: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('authorization_codes_grant_id_idx').on(t.grantId), index('authorization_codes_expires_at_idx').on(t.expiresAt)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text().primaryKey(),
    grantId: grantRef(),
    applicationId: text().notNull(),
    scope: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('refresh_tokens_grant_id_idx').on(t.grantId), index('refresh_tokens_expires_at_idx').on(t.expiresAt)],
);

/** Opaque access tokens (for /oidc/me and the Account API), stored as SHA-256 digests. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    tokenHash: text().primaryKey(),
    grantId: grantRef(),
    applicationId: text().notNull(),
    userId: text().notNull(),
    scope: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('access_tokens_grant_id_idx').on(t.grantId), index('access_tokens_expires_at_idx').on(t.expiresAt)],
);

/** What a user agreed to share with a (third-party) app; asked again only for new scopes or `prompt=consent`. */
export const consents = pgTable(
  'consents',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    applicationId: text()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    scopes: jsonb().$type<string[]>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.applicationId] })],
);

export type SigningKey = typeof signingKeys.$inferSelect;
export type OidcSession = typeof oidcSessions.$inferSelect;
export type Interaction = typeof interactions.$inferSelect;
export type Grant = typeof grants.$inferSelect;
