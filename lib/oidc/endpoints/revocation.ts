import { getDb } from '@/db/client';
import { revokeGrant } from '@/db/queries/grants';
import { findAccessTokenWithGrant, findRefreshTokenWithGrant } from '@/db/queries/tokens';
import { sha256 } from '@/lib/security/crypto';
import { authenticateClient } from '../client-auth';
import { InvalidRequest, UnsupportedTokenType } from '../errors';
import { readFormParams } from './form-params';

/**
 * POST /oidc/token/revocation (RFC 7009). Revoking a refresh token or an opaque access
 * token revokes the whole grant (§2.1 allows it; Logto does the same). JWT access tokens
 * are self-contained and cannot be revoked: `unsupported_token_type`, as Logto answers.
 * Unknown tokens and other clients' tokens get the same empty 200 (§2.2).
 */
export async function revocationEndpoint(request: Request): Promise<Response> {
  const params = await readFormParams(request);
  const { client } = await authenticateClient(request, params);
  const token = params.get('token');
  if (!token) throw new InvalidRequest("missing required parameter 'token'");
  if (token.split('.').length === 3) throw new UnsupportedTokenType('JWT access tokens cannot be revoked; they expire on their own');

  const db = await getDb();
  const hash = sha256(token);
  const found = (await findRefreshTokenWithGrant(db, hash)) ?? (await findAccessTokenWithGrant(db, hash));
  if (found && found.token.applicationId === client.id) await revokeGrant(db, found.grant.id);
  return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } });
}
