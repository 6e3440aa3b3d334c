import type { Executor } from '@/db/client';
import { findLiveInteraction, findLiveInteractionWithIdentifiedUser, insertInteraction, updateInteraction, updateInteractionAfterSignIn } from '@/db/queries/interactions';
import type { Interaction, User } from '@/db/schema';
import { env } from '@/lib/env';
import { clearCookie, cookieName, readCookie, serializeCookie } from '@/lib/http/cookies';
import { randomToken, sha256 } from '@/lib/security/crypto';

/**
 * An authorization in progress, bound to the browser by an HttpOnly cookie (only the
 * cookie's SHA-256 is stored). The sign-in experience keeps its own state in
 * `interaction.state`; when a step finishes it records a `result` and sends the browser
 * back to `/oidc/auth/resume`, which carries the authorization on.
 */
export const INTERACTION_TTL_SECONDS = 3600;
export const interactionCookieName = () => cookieName('sesame_interaction');

export type LoginResult = { userId: string; authTime: string; amr: string[] };
export type InteractionResult = {
  login?: LoginResult;
  consent?: { granted: string[] } | { denied: true };
};

export async function startInteraction(
  db: Executor,
  input: { applicationId: string; params: Record<string, string> },
): Promise<{ interaction: Interaction; setCookie: string }> {
  const value = randomToken(32);
  const interaction: Interaction = {
    id: sha256(value),
    applicationId: input.applicationId,
    params: input.params,
    state: {},
    result: null,
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + INTERACTION_TTL_SECONDS * 1000),
  };
  await insertInteraction(db, interaction);
  return { interaction, setCookie: serializeCookie(interactionCookieName(), value, { maxAgeSeconds: INTERACTION_TTL_SECONDS }) };
}

/** The live interaction of this browser, from the cookie value (route handlers pass the Request, server actions the value). */
export async function findInteraction(db: Executor, cookieValue: string | undefined): Promise<Interaction | undefined> {
  return cookieValue ? findLiveInteraction(db, sha256(cookieValue)) : undefined;
}

/** `findInteraction` with the user the experience identified, read in the same statement (null: none, or gone). */
export async function findInteractionWithIdentifiedUser(
  db: Executor,
  cookieValue: string | undefined,
): Promise<{ interaction: Interaction; user: User | null } | undefined> {
  return cookieValue ? findLiveInteractionWithIdentifiedUser(db, sha256(cookieValue)) : undefined;
}

export function findInteractionForRequest(db: Executor, request: Request): Promise<Interaction | undefined> {
  return findInteraction(db, readCookie(request, interactionCookieName()));
}

export const resumeUrl = () => `${env().issuer}/auth/resume`;

/**
 * The sign-in experience identified the user: record it (and the user's last sign-in, in the
 * same statement) and hand back to the authorization endpoint.
 */
export async function completeLogin(db: Executor, interaction: Interaction, login: Omit<LoginResult, 'authTime'>): Promise<{ redirectTo: string }> {
  const authTime = new Date();
  const result: InteractionResult = { ...(interaction.result as InteractionResult | null), login: { ...login, authTime: authTime.toISOString() } };
  await updateInteractionAfterSignIn(db, interaction.id, result, login.userId, authTime);
  return { redirectTo: resumeUrl() };
}

/** The consent step finished, one way or the other. */
export async function completeConsent(db: Executor, interaction: Interaction, consent: NonNullable<InteractionResult['consent']>): Promise<{ redirectTo: string }> {
  const result: InteractionResult = { ...(interaction.result as InteractionResult | null), consent };
  await updateInteraction(db, interaction.id, { result });
  return { redirectTo: resumeUrl() };
}

export const clearInteractionCookie = () => clearCookie(interactionCookieName());
