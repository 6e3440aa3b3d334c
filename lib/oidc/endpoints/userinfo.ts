import { getDb } from '@/db/client';
import { listUserRoleNames } from '@/db/queries/users';
import { claimsForScopes } from '../claims';
import { BearerError } from '../errors';
import { findActiveAccessToken } from '../tokens/opaque-access';

/** RFC 6750 §2.1 header, or §2.2 form body on POST; never both. */
async function readBearerToken(request: Request): Promise<string> {
  const header = request.headers.get('authorization');
  let fromBody: string | null = null;
  if (request.method === 'POST' && (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    fromBody = new URLSearchParams(await request.text()).get('access_token');
  }
  if (header && fromBody) throw new BearerError('invalid_request', 'send the access token in one place only');
  if (header) {
    const match = header.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw new BearerError('invalid_request', 'the Authorization header must use the Bearer scheme');
    return match[1];
  }
  if (fromBody) return fromBody;
  throw new BearerError('invalid_token', 'an access token is required');
}

/** GET|POST /oidc/me (OIDC Core §5.3): the claims of the token's scopes. */
export async function userinfoEndpoint(request: Request): Promise<Response> {
  const token = await readBearerToken(request);
  const db = await getDb();
  const active = await findActiveAccessToken(db, token);
  if (!active) throw new BearerError('invalid_token', 'the access token is invalid, expired or revoked');
  if (!active.scope.includes('openid')) throw new BearerError('insufficient_scope', "the access token lacks the 'openid' scope");
  const roles = active.scope.includes('roles') ? await listUserRoleNames(db, active.user.id) : [];
  return Response.json(
    { sub: active.user.id, ...claimsForScopes(active.user, active.scope, roles) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
