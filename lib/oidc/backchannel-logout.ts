import type { Executor } from '@/db/client';
import { findApplicationById } from '@/db/queries/applications';
import { env } from '@/lib/env';
import { describeError, log } from '@/lib/http/logger';
import { randomToken } from '@/lib/security/crypto';
import { safeFetch } from '@/lib/security/outbound';
import { signJwt } from './jwt';
import { signingKey } from './keys';

const RETRY_DELAYS_MS = [0, 500, 2_000];
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export type LogoutTarget = { applicationId: string; uri: string };

/** The apps of an ended session that asked to be told (a registered backchannelLogoutUri). */
export async function backchannelTargets(db: Executor, applicationIds: string[]): Promise<LogoutTarget[]> {
  const targets: LogoutTarget[] = [];
  for (const id of applicationIds) {
    const uri = (await findApplicationById(db, id))?.oidcClientMetadata.backchannelLogoutUri;
    if (uri) targets.push({ applicationId: id, uri });
  }
  return targets;
}

/** OIDC Back-Channel Logout 1.0 §2.4: a signed logout token, `typ: logout+jwt`, never a nonce. */
async function logoutToken(audience: string, subject: string, sid: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt(
    { iss: env().issuer, aud: audience, sub: subject, sid, iat: now, exp: now + 120, jti: randomToken(16), events: { [LOGOUT_EVENT]: {} } },
    await signingKey('RS256'),
    'logout+jwt',
  );
}

/**
 * Delivers logout tokens to every target, each with bounded retries (§2.5: the RP answers
 * 200). Runs after the user's response is sent; failures are logged, never thrown.
 */
export async function deliverBackchannelLogout(targets: LogoutTarget[], subject: string, sid: string): Promise<void> {
  await Promise.all(
    targets.map(async (target) => {
      const body = new URLSearchParams({ logout_token: await logoutToken(target.applicationId, subject, sid) });
      for (const [attempt, delay] of RETRY_DELAYS_MS.entries()) {
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          const response = await safeFetch(target.uri, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'cache-control': 'no-store' },
            body,
          });
          if (response.ok) return;
          log('warn', 'back-channel logout refused', { applicationId: target.applicationId, status: response.status, attempt });
          if (response.status >= 400 && response.status < 500) return; // the RP rejected the token: retrying will not help
        } catch (error) {
          log('warn', 'back-channel logout failed', { applicationId: target.applicationId, attempt, ...describeError(error) });
          if ((error as Error).name === 'OutboundBlockedError') return;
        }
      }
    }),
  );
}
