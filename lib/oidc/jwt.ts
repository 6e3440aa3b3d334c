import { sign, type KeyObject } from 'node:crypto';

export type SigningAlg = 'RS256' | 'ES256';

export interface SigningKeyMaterial {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Compact JWS with node:crypto's synchronous signer: several times faster than jose's
 * async WebCrypto path for RS256 on the token endpoint's hot path (RFC 7515 §7.1).
 */
export function signJwt(payload: Record<string, unknown>, key: SigningKeyMaterial, typ?: string): string {
  const header = b64url(JSON.stringify({ alg: key.alg, kid: key.kid, ...(typ ? { typ } : {}) }));
  const body = b64url(JSON.stringify(payload));
  const input = `${header}.${body}`;
  const signature =
    key.alg === 'ES256'
      ? // JWS wants the raw r||s form (RFC 7518 §3.4), not DER.
        sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${b64url(signature)}`;
}
