import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../database';
import { grants, oidcSessions, users, type Grant, type User } from '../schema';

export async function insertGrant(db: Executor, grant: typeof grants.$inferInsert): Promise<void> {
  await db.insert(grants).values(grant);
}

/** A grant with its user, in one round trip (the token endpoint's hot path). */
export async function findGrantWithUser(db: Executor, id: string): Promise<{ grant: Grant; user: User | null } | undefined> {
  const [row] = await db.select({ grant: grants, user: users }).from(grants).leftJoin(users, eq(users.id, grants.userId)).where(eq(grants.id, id));
  return row;
}

/** Revoking a grant revokes every code, refresh token and opaque access token issued under it. */
export async function revokeGrant(db: Executor, id: string, now = new Date()): Promise<void> {
  await db.update(grants).set({ revokedAt: now }).where(and(eq(grants.id, id), isNull(grants.revokedAt)));
}

export async function revokeGrantsOfUser(db: Executor, userId: string, now = new Date()): Promise<void> {
  await db.update(grants).set({ revokedAt: now }).where(and(eq(grants.userId, userId), isNull(grants.revokedAt)));
}

/** At logout: grants of the session without offline access end with it (their refresh tokens never existed). */
export async function revokeOnlineGrantsOfSession(db: Executor, sid: string, now = new Date()): Promise<void> {
  await db
    .update(grants)
    .set({ revokedAt: now })
    .where(and(eq(grants.sid, sid), eq(grants.offlineAccess, false), isNull(grants.revokedAt)));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<{ sid: string }[]> {
  return db.delete(oidcSessions).where(eq(oidcSessions.userId, userId)).returning({ sid: oidcSessions.sid });
}
