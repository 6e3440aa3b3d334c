import type { Client } from '../clients';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Exact string matching (RFC 9700 §4.1.3), with one exception: native apps on loopback
 * may use any port, because the OS picks it at run time (RFC 8252 §7.3).
 */
export function isRegisteredRedirectUri(client: Client, redirectUri: string): boolean {
  const registered = client.oidcClientMetadata.redirectUris;
  if (registered.includes(redirectUri)) return true;
  if (client.type !== 'Native') return false;
  const requested = parse(redirectUri);
  if (!requested || requested.protocol !== 'http:' || !LOOPBACK_HOSTS.has(requested.hostname)) return false;
  return registered.some((candidate) => {
    const allowed = parse(candidate);
    return (
      allowed !== undefined &&
      allowed.protocol === 'http:' &&
      allowed.hostname === requested.hostname &&
      allowed.pathname === requested.pathname &&
      allowed.search === requested.search
    );
  });
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
