import { decodeJwt, jwtVerify } from 'jose';
import { env } from '@/lib/env';
import { InvalidRequest } from '../errors';
import { verificationKeys } from '../keys';

export type IdTokenHint = { sub?: string; sid?: string; aud: string[] };

/**
 * An `id_token_hint` (OIDC Core §3.1.2.1, RP-Initiated Logout §2): one of our own ID tokens,
 * signature and issuer checked. Expiry is ignored — an old hint still says who the RP
 * thinks is signed in.
 */
export async function verifyIdTokenHint(token: string): Promise<IdTokenHint> {
  try {
    const { exp } = decodeJwt(token);
    const currentDate = exp ? new Date(Math.min(Date.now(), (exp - 1) * 1000)) : undefined;
    const { payload } = await jwtVerify(token, await verificationKeys(), { issuer: env().issuer, algorithms: ['RS256'], currentDate });
    const aud = Array.isArray(payload.aud) ? payload.aud : payload.aud ? [payload.aud] : [];
    return { sub: payload.sub, sid: typeof payload.sid === 'string' ? payload.sid : undefined, aud };
  } catch {
    throw new InvalidRequest('id_token_hint is not a valid ID token issued by this server');
  }
}
