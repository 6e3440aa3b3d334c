import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../database';
import { grants, oidcSessions, type OidcSession } from '../schema';

export async function insertSession(db: Executor, session: typeof oidcSessions.$inferInsert): Promise<void> {
  await db.insert(oidcSessions).values(session);
}

export function findLiveSession(db: Executor, id: string, now = new Date()): Promise<OidcSession | undefined> {
  return db.query.oidcSessions.findFirst({ where: and(eq(oidcSessions.id, id), gt(oidcSessions.expiresAt, now)) });
}

export function findSessionBySid(db: Executor, sid: string): Promise<OidcSession | undefined> {
  return db.query.oidcSessions.findFirst({ where: eq(oidcSessions.sid, sid) });
}

export async function deleteSession(db: Executor, id: string): Promise<OidcSession | undefined> {
  const [row] = await db.delete(oidcSessions).where(eq(oidcSessions.id, id)).returning();
  return row;
}

/** The apps that took part in a session (one grant each time they were authorized in it). */
export async function listApplicationIdsOfSession(db: Executor, sid: string): Promise<string[]> {
  const rows = await db.selectDistinct({ applicationId: grants.applicationId }).from(grants).where(eq(grants.sid, sid));
  return rows.map((row) => row.applicationId);
}
