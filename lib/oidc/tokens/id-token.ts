import type { User } from '@/db/schema';
import { env } from '@/lib/env';
import { claimsForScopes } from '../claims';
import { signJwt } from '../jwt';
import { signingKey } from '../keys';

const DEFAULT_ID_TOKEN_TTL = 3600;

/**
 * OIDC Core §2 ID token, RS256 (the algorithm every RP must support). Claims of the granted
 * scopes go in the ID token too, as in Logto (`conformIdTokenClaims: false`), except
 * `custom_data`, which can be large and stays at the userinfo endpoint.
 */
export async function issueIdToken(input: {
  user: User;
  clientId: string;
  scopes: string[];
  roleNames: string[];
  authTime: Date;
  sid?: string | null;
  nonce?: string | null;
  ttlSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { custom_data: _omitted, ...scopeClaims } = claimsForScopes(input.user, input.scopes, input.roleNames);
  const claims = {
    ...scopeClaims,
    iss: env().issuer,
    sub: input.user.id,
    aud: input.clientId,
    iat: now,
    exp: now + (input.ttlSeconds ?? DEFAULT_ID_TOKEN_TTL),
    auth_time: Math.floor(input.authTime.getTime() / 1000),
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(input.sid ? { sid: input.sid } : {}),
  };
  return signJwt(claims, await signingKey('RS256'));
}
