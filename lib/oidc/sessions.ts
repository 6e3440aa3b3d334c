import type { Executor } from '@/db/client';
import { deleteSession, findLiveSession, insertSession } from '@/db/queries/sessions';
import type { OidcSession } from '@/db/schema';
import { env } from '@/lib/env';
import { clearCookie, cookieName, readCookie, serializeCookie } from '@/lib/http/cookies';
import { randomToken, sha256 } from '@/lib/security/crypto';

/** The OP session cookie: 256 random bits; only its SHA-256 is stored server-side. */
export const sessionCookieName = () => cookieName('sesame_session');

export async function loadSession(db: Executor, request: Request): Promise<OidcSession | undefined> {
  return loadSessionByCookieValue(db, readCookie(request, sessionCookieName()));
}

/** For server components and actions, which read cookies through next/headers. */
export async function loadSessionByCookieValue(db: Executor, value: string | undefined): Promise<OidcSession | undefined> {
  return value ? findLiveSession(db, sha256(value)) : undefined;
}

export async function createSession(
  db: Executor,
  input: { userId: string; authTime: Date; amr: string[] },
): Promise<{ session: OidcSession; setCookie: string }> {
  const value = randomToken(32);
  const ttl = env().sessionTtlSeconds;
  const session: OidcSession = {
    id: sha256(value),
    sid: randomToken(16),
    userId: input.userId,
    authTime: input.authTime,
    amr: input.amr,
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + ttl * 1000),
  };
  await insertSession(db, session);
  return { session, setCookie: serializeCookie(sessionCookieName(), value, { maxAgeSeconds: ttl }) };
}

export async function endSessionByCookie(db: Executor, request: Request): Promise<OidcSession | undefined> {
  const value = readCookie(request, sessionCookieName());
  return value ? deleteSession(db, sha256(value)) : undefined;
}

export const clearSessionCookie = () => clearCookie(sessionCookieName());
