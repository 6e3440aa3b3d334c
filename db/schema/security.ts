import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed-attempt counters of the brute-force guard (lib/security/attempt-guard.ts), one row
 * per guarded action and target. `targetHash` is the SHA-256 of the normalized target (an
 * identifier today, an IP address or a user id later), so the table never holds emails or phones.
 */
export const attemptCounters = pgTable(
  'attempt_counters',
  {
    action: text().notNull(),
    targetHash: text().notNull(),
    failures: integer().notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.action, t.targetHash] })],
);

export type AttemptCounter = typeof attemptCounters.$inferSelect;
