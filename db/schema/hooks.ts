import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The events a webhook can listen to today: Logto's interaction hooks. */
export const hookEvents = ['PostRegister', 'PostSignIn', 'PostResetPassword'] as const;
export type HookEvent = (typeof hookEvents)[number];

/**
 * Webhooks (Logto's `hooks`): a URL told about each event it listens to, in a POST signed with
 * the hook's key. The key and any extra request headers (which may carry a receiver's
 * credentials) are sealed at rest (lib/security/crypto.ts `encryptAtRest`).
 */
export const hooks = pgTable('hooks', {
  id: text().primaryKey(),
  name: text().notNull(),
  events: jsonb().$type<HookEvent[]>().notNull(),
  url: text().notNull(),
  sealedHeaders: text(),
  sealedSigningKey: text().notNull(),
  enabled: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Hook = typeof hooks.$inferSelect;

/** One delivery attempt, for `GET /api/hooks/:id/recent-logs`: the outcome only, never the payload. */
export const hookDeliveries = pgTable(
  'hook_deliveries',
  {
    id: text().primaryKey(),
    hookId: text()
      .notNull()
      .references(() => hooks.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    succeeded: boolean().notNull(),
    /** The receiver's HTTP status; null when there was no answer (refused address, timeout, network). */
    responseStatus: integer(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The recent log of one hook; the daily cleanup by age.
  (t) => [index('hook_deliveries_hook_id_created_at_idx').on(t.hookId, t.createdAt), index('hook_deliveries_created_at_idx').on(t.createdAt)],
);
export type HookDelivery = typeof hookDeliveries.$inferSelect;
