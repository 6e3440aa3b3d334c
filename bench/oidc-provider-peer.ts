import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const PEER_CLIENT = { client_id: 'bench-m2m', client_secret: 'bench-m2m-secret-0123456789abcdef' };
export const PEER_RESOURCE = 'https://peer.bench/api';

/**
 * The engine under Logto, minimally configured: one RS256 key, one client_credentials
 * client, JWT access tokens for one resource. The same machine, the same load, side by side.
 */
export async function startOidcProviderPeer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'peer', alg: 'RS256', use: 'sig' };
  let issuer = 'http://localhost';
  const provider = new Provider(issuer, {
    clients: [{ ...PEER_CLIENT, grant_types: ['client_credentials'], redirect_uris: [], response_types: [] }],
    jwks: { keys: [jwk] },
    features: {
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => PEER_RESOURCE,
        getResourceServerInfo: () => ({ scope: 'read', accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
  const server = provider.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { baseUrl: issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
