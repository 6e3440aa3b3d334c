import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '@/lib/env';

/** IPv4 ranges that must never be reached from user-supplied URLs (loopback, private, link-local, CGNAT, ...). */
const BLOCKED_V4: Array<[number, number]> = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16],
  [0xac100000, 12], [0xc0000000, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xe0000000, 4], [0xf0000000, 4],
];

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((value, octet) => (value << 8) + Number(octet), 0) >>> 0;
}

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const value = ipv4ToInt(address);
    return BLOCKED_V4.some(([base, bits]) => (value & (~0 << (32 - bits))) >>> 0 === base);
  }
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7));
  // Loopback, unspecified, unique-local (fc00::/7), link-local (fe80::/10), multicast.
  return lower === '::1' || lower === '::' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

export class OutboundBlockedError extends Error {
  constructor(url: string) {
    super(`Refusing to call ${new URL(url).host}: it resolves to a private or loopback address (set ALLOW_PRIVATE_OUTBOUND=1 to allow).`);
    this.name = 'OutboundBlockedError';
  }
}

/**
 * fetch() for URLs that come from configuration or clients (back-channel logout,
 * webhooks, connectors): http(s) only, and no private or loopback targets unless
 * ALLOW_PRIVATE_OUTBOUND=1, so Sesame cannot be used to probe the network it runs in.
 * Redirects are not followed, since they would bypass the check.
 */
export async function safeFetch(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new OutboundBlockedError(url);
  if (!env().allowPrivateOutbound) {
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
    if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new OutboundBlockedError(url);
  }
  return fetch(target, { ...init, redirect: 'manual', signal: AbortSignal.timeout(init.timeoutMs ?? 5_000) });
}
