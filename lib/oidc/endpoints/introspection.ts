import { getDb } from '@/db/client';
import { findRefreshTokenWithGrant } from '@/db/queries/tokens';
import { env } from '@/lib/env';
import { sha256 } from '@/lib/security/crypto';
import { jwtVerify } from 'jose';
import { authenticateClient } from '../client-auth';
import { InvalidRequest } from '../errors';
import { verificationKeys } from '../keys';
import { findActiveAccessToken } from '../tokens/opaque-access';
import { readFormParams, tokenResponse } from './form-params';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const INACTIVE = { active: false };

/**
 * POST /oidc/token/introspection (RFC 7662). A client learns about its own tokens only;
 * anything else — unknown, expired, revoked, another client's — is `{ active: false }`.
 */
export async function introspectionEndpoint(request: Request): Promise<Response> {
  const params = await readFormParams(request);
  const { client } = await authenticateClient(request, params);
  const token = params.get('token');
  if (!token) throw new InvalidRequest("missing required parameter 'token'");
  const hint = params.get('token_type_hint');
  const lookups = hint === 'refresh_token' ? [refresh, access, jwt] : [access, refresh, jwt];
  for (const lookup of lookups) {
    const found = await lookup(token);
    if (found) return tokenResponse(found.client_id === client.id ? found : INACTIVE);
  }
  return tokenResponse(INACTIVE);
}

type Introspected = Record<string, unknown> & { client_id: string };

async function access(token: string): Promise<Introspected | undefined> {
  const active = await findActiveAccessToken(await getDb(), token);
  if (!active) return undefined;
  return {
    active: true,
    token_type: 'Bearer',
    scope: active.scope.join(' '),
    client_id: active.applicationId,
    sub: active.user.id,
    exp: seconds(active.expiresAt),
    iat: seconds(active.createdAt),
    iss: env().issuer,
  };
}

async function refresh(token: string): Promise<Introspected | undefined> {
  const row = await findRefreshTokenWithGrant(await getDb(), sha256(token));
  const now = new Date();
  if (!row || row.token.consumedAt || row.token.expiresAt <= now || row.grant.revokedAt || row.grant.expiresAt <= now) return undefined;
  return {
    active: true,
    token_type: 'refresh_token',
    scope: row.token.scope,
    client_id: row.token.applicationId,
    sub: row.grant.userId,
    exp: seconds(row.token.expiresAt),
    iat: seconds(row.token.createdAt),
    iss: env().issuer,
  };
}

async function jwt(token: string): Promise<Introspected | undefined> {
  if (token.split('.').length !== 3) return undefined;
  try {
    const { payload } = await jwtVerify(token, await verificationKeys(), { issuer: env().issuer, typ: 'at+jwt' });
    if (typeof payload.client_id !== 'string') return undefined;
    return { ...payload, active: true, token_type: 'Bearer', client_id: payload.client_id };
  } catch {
    return undefined;
  }
}
