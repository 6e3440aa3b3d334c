import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { env } from '@/lib/env';
import { log } from '@/lib/http/logger';
import { isPrivateAddress, OutboundBlockedError, safeFetch } from '@/lib/security/outbound';
import { ConnectorError } from './types';

/** How long one delivery attempt may take before the person gets `connector.send_failed`. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * Why a delivery failed, for the log: identifiers and status codes only. The message text,
 * the code and the recipient never go to the log (they are the secret being delivered).
 */
export function deliveryFailed(connectorId: string, reason: string, fields: Record<string, unknown> = {}, cause?: unknown): ConnectorError {
  log('warn', 'connector delivery failed', { connectorId, reason, ...fields });
  return new ConnectorError('connector.send_failed', `The ${connectorId} connector could not deliver the message (${reason}).`, { cause });
}

/**
 * POSTs to a provider through the SSRF guard (`safeFetch`), with a timeout. A refused
 * target, a network failure and a non-2xx answer all become `connector.send_failed`;
 * the provider's body is not read into the error, since providers echo the message back.
 */
export async function postToProvider(connectorId: string, url: string, init: { headers: Record<string, string>; body: string }): Promise<void> {
  let response: Response;
  try {
    response = await safeFetch(url, { method: 'POST', headers: init.headers, body: init.body, timeoutMs: PROVIDER_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof OutboundBlockedError) throw deliveryFailed(connectorId, 'private or loopback address refused', { host: new URL(url).host }, error);
    const name = error instanceof Error ? error.name : 'Error';
    throw deliveryFailed(connectorId, name === 'TimeoutError' ? 'timed out' : 'network error', { host: new URL(url).host, error: name }, error);
  }
  // Drain the body so the connection can be reused; its content is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw deliveryFailed(connectorId, `provider answered ${response.status}`, { status: response.status });
}

/**
 * The address to open an SMTP connection to: `host` resolved once and checked against
 * the same private/loopback ranges as `safeFetch`. Connecting to the checked address
 * (not the name again) leaves no window for DNS rebinding between check and connect.
 */
export async function resolvePublicHost(connectorId: string, host: string): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((entry) => entry.address);
  } catch (error) {
    throw deliveryFailed(connectorId, 'host not found', { host: bare }, error);
  }
  if (addresses.length === 0) throw deliveryFailed(connectorId, 'host not found', { host: bare });
  if (!env().allowPrivateOutbound && addresses.some(isPrivateAddress)) {
    throw deliveryFailed(connectorId, 'private or loopback address refused (set ALLOW_PRIVATE_OUTBOUND=1 to allow)', { host: bare });
  }
  return addresses[0]!;
}
