import { createHmac } from 'node:crypto';
import type { Executor } from '@/db/client';
import { insertHookDelivery, listEnabledHooks } from '@/db/queries/hooks';
import type { Hook, HookEvent, User } from '@/db/schema';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { log } from '@/lib/http/logger';
import { decryptAtRest, encryptAtRest } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { OutboundBlockedError, safeFetch } from '@/lib/security/outbound';

/** As Logto's, so a receiver written for Logto checks Sesame's deliveries unchanged. */
export const SIGNATURE_HEADER = 'logto-signature-sha-256';
const DELIVERY_TIMEOUT_MS = 10_000;
const SIGNING_KEY_PURPOSE = 'hook-signing-key';
const HEADERS_PURPOSE = 'hook-headers';

// Asked on every sign-in; a write on another instance shows within 5 s.
const enabledHooks = sharedTtlCache<Hook[]>('hooks', 5_000, 1);

/** Called by every write to a hook. */
export function invalidateHooks(): void {
  enabledHooks.invalidate();
}

type InteractionEvent = 'SignIn' | 'Register' | 'ForgotPassword';
const eventAfter: Record<InteractionEvent, HookEvent> = { SignIn: 'PostSignIn', Register: 'PostRegister', ForgotPassword: 'PostResetPassword' };
/** The hook event a submitted interaction sends (PostSignIn after SignIn, ...), and back. */
export const hookEventAfter = (interactionEvent: InteractionEvent): HookEvent => eventAfter[interactionEvent];
export const interactionEventBefore = (event: HookEvent): InteractionEvent =>
  (Object.keys(eventAfter) as InteractionEvent[]).find((interactionEvent) => eventAfter[interactionEvent] === event)!;

/** Logto's interaction hook payload, without `hookId`, which each delivery adds. */
export type HookPayload = {
  event: HookEvent;
  createdAt: string;
  interactionEvent: InteractionEvent;
  userId: string;
  user: ReturnType<typeof hookUser>;
  application?: { id: string; type: string; name: string; description: string | null };
};

/** The user as a hook sees it: the account's public fields, never its password hash. */
export function hookUser(user: User) {
  const { id, username, primaryEmail, primaryPhone, name, avatar, customData, profile, isSuspended, lastSignInAt, createdAt } = user;
  return { id, username, primaryEmail, primaryPhone, name, avatar, customData, profile, isSuspended, lastSignInAt: lastSignInAt?.toISOString() ?? null, createdAt: createdAt.toISOString() };
}

export const signHookBody = (body: string, signingKey: string) => createHmac('sha256', signingKey).update(body).digest('hex');

/** A hook with its sealed fields opened: what a delivery (and the admin) sees. */
export type OpenedHook = { id: string; url: string; headers: Record<string, string> | undefined; signingKey: string };

/** The one place a hook's key and headers are unsealed. */
export function openHook(hook: Hook): OpenedHook {
  return {
    id: hook.id,
    url: hook.url,
    headers: hook.sealedHeaders ? (JSON.parse(decryptAtRest(hook.sealedHeaders, HEADERS_PURPOSE)) as Record<string, string>) : undefined,
    signingKey: decryptAtRest(hook.sealedSigningKey, SIGNING_KEY_PURPOSE),
  };
}

/** ... and the one place they are sealed (no headers: null). */
export function sealHookHeaders(headers: Record<string, string> | undefined): string | null {
  return headers && Object.keys(headers).length > 0 ? encryptAtRest(JSON.stringify(headers), HEADERS_PURPOSE) : null;
}
export const sealSigningKey = (key: string) => encryptAtRest(key, SIGNING_KEY_PURPOSE);

/**
 * The deliveries `event` calls for, as one task to run after responding; undefined when no
 * enabled hook listens. That common case costs a cache lookup: no query, and `payload` is
 * never built.
 */
export async function hookDeliveries(db: Executor, event: HookEvent, payload: () => Promise<Omit<HookPayload, 'event'>>): Promise<(() => Promise<void>) | undefined> {
  const listening = (await enabledHooks.get('enabled', () => listEnabledHooks(db))).filter((hook) => hook.events.includes(event));
  if (listening.length === 0) return undefined;
  const body = { event, ...(await payload()) };
  return async () => {
    await Promise.all(listening.map((hook) => deliverToHook(db, openHook(hook), body)));
  };
}

export type DeliveryOutcome = { succeeded: boolean; responseStatus: number | null; error: string | null };

/**
 * POSTs one signed payload through the outbound guard and records the outcome (never the
 * payload). Never throws: a receiver that is down must not fail a sign-in that already happened.
 */
export async function deliverToHook(db: Executor, hook: OpenedHook, payload: Omit<HookPayload, 'event'> & { event: string }): Promise<DeliveryOutcome> {
  const body = JSON.stringify({ hookId: hook.id, ...payload });
  const headers = { 'user-agent': 'Sesame', 'content-type': 'application/json', ...hook.headers, [SIGNATURE_HEADER]: signHookBody(body, hook.signingKey) };
  let outcome: DeliveryOutcome;
  try {
    const response = await safeFetch(hook.url, { method: 'POST', headers, body, timeoutMs: DELIVERY_TIMEOUT_MS });
    await response.arrayBuffer().catch(() => undefined);
    outcome = { succeeded: response.ok, responseStatus: response.status, error: response.ok ? null : `answered ${response.status}` };
  } catch (error) {
    const reason = error instanceof OutboundBlockedError ? 'private or loopback address refused' : error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'network error';
    outcome = { succeeded: false, responseStatus: null, error: reason };
  }
  if (!outcome.succeeded) log('warn', 'webhook delivery failed', { hookId: hook.id, event: payload.event, reason: outcome.error });
  await insertHookDelivery(db, { id: generateId(), hookId: hook.id, event: payload.event, ...outcome }).catch(() => undefined);
  return outcome;
}
