import type { Executor } from '@/db/client';
import { findConsentedScopes } from '@/db/queries/consents';
import type { AuthorizationRequest } from './request';

/**
 * First-party apps are consented automatically, `prompt=consent` included (as in Logto).
 * Third-party apps ask once per set of scopes, and again on `prompt=consent` — unless the
 * user has just answered in this very interaction.
 */
export async function needsConsent(db: Executor, request: AuthorizationRequest, userId: string, answeredNow: boolean): Promise<boolean> {
  if (!request.client.isThirdParty || answeredNow) return false;
  if (request.prompt.has('consent')) return true;
  const consented = await findConsentedScopes(db, userId, request.client.id);
  return request.scopes.some((scope) => scope !== 'openid' && !consented.includes(scope));
}
