import type { Executor } from '@/db/client';
import { deleteSessionsOfUser, revokeGrantsOfUser } from '@/db/queries/grants';
import { listApplicationIdsOfSession } from '@/db/queries/sessions';
import { backchannelTargets, deliverBackchannelLogout, type LogoutTarget } from './backchannel-logout';

/**
 * Ends everything a user holds: OP sessions, and every grant (so every code, refresh
 * token and opaque access token). Used when a user is suspended or deleted. Pass the
 * caller's transaction so it commits with the user change; call `notifyApps` after the
 * commit (and after responding) so every app of the ended sessions hears of it through
 * back-channel logout. The apps are read first, because deleting a user deletes its grants.
 */
export async function revokeUserAccess(db: Executor, userId: string): Promise<{ endedSids: string[]; notifyApps?: () => Promise<void> }> {
  const ended = await deleteSessionsOfUser(db, userId);
  const deliveries: Array<{ sid: string; targets: LogoutTarget[] }> = [];
  for (const { sid } of ended) {
    const targets = await backchannelTargets(db, await listApplicationIdsOfSession(db, sid));
    if (targets.length > 0) deliveries.push({ sid, targets });
  }
  await revokeGrantsOfUser(db, userId);
  return {
    endedSids: ended.map((row) => row.sid),
    // Nothing to send when no app of those sessions registered a back-channel URI.
    notifyApps:
      deliveries.length > 0
        ? async () => {
            for (const { sid, targets } of deliveries) await deliverBackchannelLogout(targets, userId, sid);
          }
        : undefined,
  };
}
