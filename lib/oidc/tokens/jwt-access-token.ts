import { jwtVerify, type JWTPayload } from 'jose';
import { env } from '@/lib/env';
import { randomToken } from '@/lib/security/crypto';
import { BearerError } from '../errors';
import { signJwt } from '../jwt';
import { signingKey, verificationKeys } from '../keys';

export type JwtAccessTokenClaims = JWTPayload & { client_id: string; scope: string; sub: string };

/** RFC 9068 JWT access token for an API resource: `typ: at+jwt`, `aud` is the resource indicator. */
export async function issueJwtAccessToken(input: {
  audience: string;
  subject: string;
  clientId: string;
  scopes: string[];
  ttlSeconds: number;
  authTime?: number;
}): Promise<{ token: string; expiresIn: number }> {
  const now = Math.floor(Date.now() / 1000);
  const key = await signingKey(env().accessTokenSigningAlg);
  const claims = {
    iss: env().issuer,
    sub: input.subject,
    aud: input.audience,
    client_id: input.clientId,
    scope: input.scopes.join(' '),
    iat: now,
    exp: now + input.ttlSeconds,
    jti: randomToken(16),
    ...(input.authTime ? { auth_time: input.authTime } : {}),
  };
  return { token: await signJwt(claims, key, 'at+jwt'), expiresIn: input.ttlSeconds };
}

/** Verifies one of our JWT access tokens for `audience` (RFC 9068 §4); any failure is `invalid_token`. */
export async function verifyJwtAccessToken(token: string, audience: string): Promise<JwtAccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await verificationKeys(), {
      issuer: env().issuer,
      audience,
      typ: 'at+jwt',
      algorithms: ['ES256', 'RS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.client_id !== 'string') throw new Error('missing claims');
    return { ...payload, scope: typeof payload.scope === 'string' ? payload.scope : '' } as JwtAccessTokenClaims;
  } catch {
    throw new BearerError('invalid_token', 'the access token is invalid or expired');
  }
}
