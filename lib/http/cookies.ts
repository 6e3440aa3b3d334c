import { env } from '@/lib/env';

/**
 * Cookie names and attributes in one place. On https the `__Host-` prefix pins a
 * cookie to this exact origin (Secure, Path=/, no Domain), so a sibling subdomain cannot
 * plant or overwrite it.
 */
export function cookieName(base: string): string {
  return isSecureOrigin() ? `__Host-${base}` : base;
}

export const isSecureOrigin = () => env().appUrl.startsWith('https://');

export function serializeCookie(name: string, value: string, options: { maxAgeSeconds?: number } = {}): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (isSecureOrigin()) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join('; ');
}

export const clearCookie = (name: string) => serializeCookie(name, '', { maxAgeSeconds: 0 });

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index > 0 && pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return undefined;
}
