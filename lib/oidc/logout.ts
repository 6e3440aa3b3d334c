import type { Executor } from '@/db/client';
import { revokeOnlineGrantsOfSession } from '@/db/queries/grants';
import { listApplicationIdsOfSession } from '@/db/queries/sessions';
import { backchannelTargets, deliverBackchannelLogout } from './backchannel-logout';
import { clearSessionCookie, endSessionByCookie } from './sessions';

export type Termination = { cookies: string[]; deliver?: () => Promise<void> };

/**
 * Ends this browser's whole Sesame session: the session row goes, grants made in it
 * without offline access are revoked (their tokens end with the session), and every app
 * that took part and registered a back-channel URI will be told — by `deliver`, which the
 * caller runs after responding so the user's redirect never waits on an RP.
 */
export async function terminateSession(db: Executor, request: Request): Promise<Termination> {
  const cookies = [clearSessionCookie()];
  const ended = await db.transaction(async (tx) => {
    const session = await endSessionByCookie(tx, request);
    if (!session) return undefined;
    await revokeOnlineGrantsOfSession(tx, session.sid);
    return { session, targets: await backchannelTargets(tx, await listApplicationIdsOfSession(tx, session.sid)) };
  });
  if (!ended) return { cookies };
  const { session, targets } = ended;
  return {
    cookies,
    deliver: targets.length > 0 ? () => deliverBackchannelLogout(targets, session.userId, session.sid) : undefined,
  };
}
