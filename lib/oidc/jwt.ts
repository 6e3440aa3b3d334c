import { sign, type KeyObject } from 'node:crypto';

export type SigningAlg = 'RS256' | 'ES256';

export interface SigningKeyMaterial {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Compact JWS with node:crypto (RFC 7515 §7.1), several times faster than jose's WebCrypto path.
 * The signature is made on libuv's thread pool (node:crypto's callback form): an RSA one costs
 * about half a millisecond of CPU and an ECDSA one tens of microseconds, which the event loop
 * spends serving other requests meanwhile. Password hashing leaves pool threads free for it
 * (lib/security/password.ts).
 */
export async function signJwt(payload: Record<string, unknown>, key: SigningKeyMaterial, typ?: string): Promise<string> {
  const header = b64url(JSON.stringify({ alg: key.alg, kid: key.kid, ...(typ ? { typ } : {}) }));
  const body = b64url(JSON.stringify(payload));
  const input = `${header}.${body}`;
  // JWS wants ECDSA's raw r||s form (RFC 7518 §3.4), not DER.
  const signingKey = key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' as const } : key.privateKey;
  const signature = await new Promise<Buffer>((resolve, reject) => {
    sign('sha256', Buffer.from(input), signingKey, (error, signed) => (error ? reject(error) : resolve(signed)));
  });
  return `${input}.${b64url(signature)}`;
}
