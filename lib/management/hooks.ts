import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteHook, findHook, insertHook, listHookDeliveries, listHooks, updateHook } from '@/db/queries/hooks';
import { hookEvents, type Hook, type HookDelivery } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { deliverToHook, interactionEventBefore, invalidateHooks, openHook, sealHookHeaders, sealSigningKey, SIGNATURE_HEADER } from '@/lib/hooks/deliver';
import { randomToken } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import { epochMs } from './dates';
import { assertFound, found } from './errors';

const RESERVED_HEADERS = new Set([SIGNATURE_HEADER, 'content-length', 'host', 'transfer-encoding', 'connection']);

/** Logto's hook config: where to POST, and extra request headers (a receiver's credentials, say). */
const hookConfig = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    headers: z
      .record(
        z
          .string()
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name')
          .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'is set by Sesame'),
        z.string().max(4096).regex(/^[^\r\n]*$/, 'must be one line'),
      )
      .refine((headers) => Object.keys(headers).length <= 20, 'at most 20 headers')
      .optional(),
    /** Accepted for Logto payloads; Sesame tries each delivery once, as Logto now does. */
    retries: z.number().int().min(0).max(3).optional(),
  })
  .strict();

/** Each event once; other Logto events (`User.Created`, ...) are refused until Sesame sends them. */
const events = z
  .array(z.enum(hookEvents))
  .min(1)
  .refine((list) => new Set(list).size === list.length, 'each event may appear once');

export const createHookBody = z.object({ name: z.string().trim().min(1).max(256), events, config: hookConfig, enabled: z.boolean().optional() }).strict();
export const updateHookBody = createHookBody.partial().strict();
export const testHookBody = z.object({ events, config: hookConfig }).strict();

function hookResponse(hook: Hook) {
  const { url, headers, signingKey } = openHook(hook);
  return {
    id: hook.id,
    name: hook.name,
    events: hook.events,
    config: { url, ...(headers ? { headers } : {}) },
    // The receiver needs it to check signatures, so it is shown to the admin, as in Logto.
    signingKey,
    enabled: hook.enabled,
    createdAt: epochMs(hook.createdAt),
  };
}

const newSigningKey = () => sealSigningKey(randomToken(32));

export async function createHook({ name, events, config, enabled }: z.infer<typeof createHookBody>) {
  const hook = await insertHook(await getDb(), {
    id: generateId(),
    name,
    events,
    url: config.url,
    sealedHeaders: sealHookHeaders(config.headers),
    sealedSigningKey: newSigningKey(),
    enabled: enabled ?? true,
  });
  invalidateHooks();
  return hookResponse(hook);
}

export async function listHookResponses() {
  return (await listHooks(await getDb())).map(hookResponse);
}

export async function getHook(id: string) {
  return hookResponse(found(await findHook(await getDb(), id), 'hook', id));
}

/** `config` is replaced whole when given, headers included. */
export async function updateHookFields(id: string, { config, ...fields }: z.infer<typeof updateHookBody>) {
  const changes = { ...fields, ...(config ? { url: config.url, sealedHeaders: sealHookHeaders(config.headers) } : {}) };
  const hook = found(await updateHook(await getDb(), id, changes), 'hook', id);
  invalidateHooks();
  return hookResponse(hook);
}

export async function removeHook(id: string): Promise<void> {
  assertFound(await deleteHook(await getDb(), id), 'hook', id);
  invalidateHooks();
}

/** A new signing key; the old one stops at once (a receiver must be given the new one). */
export async function rotateSigningKey(id: string) {
  const hook = found(await updateHook(await getDb(), id, { sealedSigningKey: newSigningKey() }), 'hook', id);
  invalidateHooks();
  return hookResponse(hook);
}

/** Who a test payload is about: nobody real. */
const SAMPLE_USER = { id: 'sample-user', username: 'sample', primaryEmail: 'sample@example.com', primaryPhone: null, name: 'Sample User', avatar: null, customData: {}, profile: {}, isSuspended: false };

/**
 * `POST /api/hooks/:id/test`: a sample payload for each event to `config` (not saved), signed
 * with the hook's key. 422 `hook.send_test_payload_failed` when the receiver does not take it.
 */
export async function testHook(id: string, { events, config }: z.infer<typeof testHookBody>): Promise<void> {
  const db = await getDb();
  const target = { ...openHook(found(await findHook(db, id), 'hook', id)), url: config.url, headers: config.headers };
  const now = new Date().toISOString();
  const user = { ...SAMPLE_USER, lastSignInAt: now, createdAt: now };
  for (const event of events) {
    const outcome = await deliverToHook(db, target, { event, createdAt: now, interactionEvent: interactionEventBefore(event), userId: user.id, user });
    if (!outcome.succeeded) {
      throw new AppError('hook.send_test_payload_failed', 422, `The test ${event} payload was not accepted: ${outcome.error ?? 'no answer'}.`, { responseStatus: outcome.responseStatus });
    }
  }
}

/** The last day's deliveries, newest first (at most 100): outcomes only, never payloads. */
export async function recentDeliveries(id: string) {
  const db = await getDb();
  found(await findHook(db, id), 'hook', id);
  const rows = await listHookDeliveries(db, id, new Date(Date.now() - 24 * 3600 * 1000), 100);
  return rows.map(({ id: deliveryId, event, succeeded, responseStatus, error, createdAt }: HookDelivery) => ({
    id: deliveryId,
    event,
    result: succeeded ? 'Success' : 'Error',
    responseStatus,
    error,
    createdAt: epochMs(createdAt),
  }));
}
