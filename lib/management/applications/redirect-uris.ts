import type { ApplicationType } from '@/db/schema';

// Schemes a browser would run or read locally: never a redirect target, not even for native apps.
const FORBIDDEN_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'filesystem']);

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Why `value` cannot be a (post-logout) redirect URI of an app of `type`, or undefined
 * when it can. Absolute and fragment-free (RFC 6749 §3.1.2); https, except plain http on
 * loopback for local development; native apps may also use a private-use scheme
 * (RFC 8252 §7.1) such as `com.example.app:/callback`.
 */
export function redirectUriProblem(value: string, type: ApplicationType): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URI';
  }
  if (value.includes('#')) return 'must not contain a fragment';
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'https') return undefined;
  if (scheme === 'http') return isLoopback(url.hostname) ? undefined : 'http is allowed only on localhost or a loopback address; use https';
  if (type === 'Native') return FORBIDDEN_SCHEMES.has(scheme) ? `the ${scheme}: scheme is not allowed` : undefined;
  return 'must use https (or http on localhost)';
}

/** OIDC Back-Channel Logout §2.2: an absolute http(s) URI without a fragment. */
export function isBackchannelLogoutUri(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !value.includes('#');
  } catch {
    return false;
  }
}

/** A CORS origin is scheme://host[:port] and nothing more. */
export function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
