import type { Executor } from '@/db/client';
import { insertGrant } from '@/db/queries/grants';
import { insertAuthorizationCode } from '@/db/queries/tokens';
import type { OidcSession } from '@/db/schema';
import { generateId } from '@/lib/security/ids';
import { formatScope } from '../scope';
import { newOpaqueToken } from '../tokens/opaque-token';
import { refreshTokenTtlMs } from '../tokens/issue-user-tokens';
import type { AuthorizationRequest } from './request';
import { respondToClient } from './respond';

/** Authorization codes live 60 seconds at most (RFC 6749 §4.1.2 recommends ≤ 10 minutes). */
const CODE_TTL_MS = 60_000;

/**
 * A new grant for this authorization and its single-use code, written together. The
 * grant lives as long as its refresh tokens may (offline access) or as the session.
 */
export async function issueCode(db: Executor, request: AuthorizationRequest, session: OidcSession, cookies: string[] = []): Promise<Response> {
  const offlineAccess = request.scopes.includes('offline_access');
  const grantId = generateId();
  const code = newOpaqueToken();
  const now = Date.now();
  await db.transaction(async (tx) => {
    await insertGrant(tx, {
      id: grantId,
      userId: session.userId,
      applicationId: request.client.id,
      sid: session.sid,
      scope: formatScope(request.scopes),
      resources: request.resources,
      offlineAccess,
      authTime: session.authTime,
      expiresAt: offlineAccess ? new Date(now + refreshTokenTtlMs(request.client)) : session.expiresAt,
    });
    await insertAuthorizationCode(tx, {
      codeHash: code.hash,
      grantId,
      applicationId: request.client.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      nonce: request.nonce,
      scope: formatScope(request.scopes),
      expiresAt: new Date(now + CODE_TTL_MS),
    });
  });
  return respondToClient(request, { code: code.token }, cookies);
}
