import type { Executor } from '@/db/client';
import { deleteSessionsOfUser, revokeGrantsOfUser } from '@/db/queries/grants';

/**
 * Ends everything a user holds: OP sessions, and every grant (so every code, refresh
 * token and opaque access token). Used when a user is suspended or deleted, or resets
 * their password. Pass the caller's transaction so it commits with the user change.
 */
export async function revokeUserAccess(db: Executor, userId: string): Promise<{ endedSids: string[] }> {
  const ended = await deleteSessionsOfUser(db, userId);
  await revokeGrantsOfUser(db, userId);
  return { endedSids: ended.map((row) => row.sid) };
}
