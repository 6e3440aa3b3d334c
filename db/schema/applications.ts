import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './users';

export const applicationTypes = ['Native', 'SPA', 'Traditional', 'MachineToMachine'] as const;
export type ApplicationType = (typeof applicationTypes)[number];

export type OidcClientMetadata = {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired?: boolean;
  logoUri?: string;
};

export type CustomClientMetadata = {
  idTokenTtl?: number;
  refreshTokenTtlInDays?: number;
  alwaysIssueRefreshToken?: boolean;
  rotateRefreshToken?: boolean;
  corsAllowedOrigins?: string[];
};

export const applications = pgTable('applications', {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text(),
  type: text().$type<ApplicationType>().notNull(),
  oidcClientMetadata: jsonb().$type<OidcClientMetadata>().notNull(),
  customClientMetadata: jsonb().$type<CustomClientMetadata>().notNull().default({}),
  customData: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  isThirdParty: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** An app's own look on the sign-in and consent pages (Logto's application-level sign-in experience). */
export type ApplicationBranding = { logoUrl?: string; darkLogoUrl?: string; favicon?: string; darkFavicon?: string };
export type ApplicationColor = { primaryColor?: string; isDarkModeEnabled?: boolean; darkPrimaryColor?: string };

/**
 * What a third-party app shows in place of the operator's defaults: its logo, colours,
 * display name and its own terms and privacy links. At most one row per app; it goes with the app.
 */
export const applicationSignInExperiences = pgTable('application_sign_in_experiences', {
  applicationId: text()
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  color: jsonb().$type<ApplicationColor>().notNull().default({}),
  branding: jsonb().$type<ApplicationBranding>().notNull().default({}),
  displayName: text(),
  termsOfUseUrl: text(),
  privacyPolicyUrl: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Client secrets, stored as SHA-256 digests: they are 256-bit random, so a fast hash is the right tool. */
export const applicationSecrets = pgTable(
  'application_secrets',
  {
    id: text().primaryKey(),
    applicationId: text()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    secretHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('application_secrets_application_id_idx').on(t.applicationId),
    uniqueIndex('application_secrets_application_id_name_key').on(t.applicationId, t.name),
  ],
);

export const resources = pgTable('resources', {
  id: text().primaryKey(),
  name: text().notNull(),
  indicator: text().notNull().unique('resources_indicator_key'),
  accessTokenTtl: integer().notNull().default(3600),
  isDefault: boolean().notNull().default(false),
  /** The Management API resource: cannot be edited or deleted. */
  isBuiltIn: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const scopes = pgTable(
  'scopes',
  {
    id: text().primaryKey(),
    resourceId: text()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    description: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('scopes_resource_id_name_key').on(t.resourceId, t.name)],
);

export const roleTypes = ['User', 'MachineToMachine'] as const;
export type RoleType = (typeof roleTypes)[number];

export const roles = pgTable('roles', {
  id: text().primaryKey(),
  name: text().notNull().unique('roles_name_key'),
  description: text().notNull().default(''),
  type: text().$type<RoleType>().notNull().default('User'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const rolesScopes = pgTable(
  'roles_scopes',
  {
    roleId: text()
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    scopeId: text()
      .notNull()
      .references(() => scopes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.scopeId] }), index('roles_scopes_scope_id_idx').on(t.scopeId)],
);

export const usersRoles = pgTable(
  'users_roles',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: text()
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('users_roles_role_id_idx').on(t.roleId)],
);

export const applicationsRoles = pgTable(
  'applications_roles',
  {
    applicationId: text()
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    roleId: text()
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.roleId] }), index('applications_roles_role_id_idx').on(t.roleId)],
);

export type Application = typeof applications.$inferSelect;
export type ApplicationSignInExperience = typeof applicationSignInExperiences.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type Scope = typeof scopes.$inferSelect;
export type Role = typeof roles.$inferSelect;
