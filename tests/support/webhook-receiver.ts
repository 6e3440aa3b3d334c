import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait-for';

export type WebhookDelivery = { headers: Record<string, string | string[] | undefined>; rawBody: string; body: Record<string, any>; status: number };

/**
 * A webhook receiver on 127.0.0.1, as an app would write one for Logto: it checks the
 * `logto-signature-sha-256` HMAC of the raw body with the hook's signing key (when it has one)
 * and answers 401 to anything else, 200 (or what `failNext` says) otherwise.
 */
export async function startWebhookReceiver() {
  const deliveries: WebhookDelivery[] = [];
  let signingKey: string | undefined;
  const failures: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const expected = signingKey ? createHmac('sha256', signingKey).update(rawBody).digest() : undefined;
      const presented = Buffer.from(String(request.headers['logto-signature-sha-256'] ?? ''), 'hex');
      const signed = !expected || (presented.length === expected.length && timingSafeEqual(presented, expected));
      const status = signed ? (failures.shift() ?? 200) : 401;
      deliveries.push({ headers: request.headers, rawBody, body: JSON.parse(rawBody || '{}'), status });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    deliveries,
    /** From now on, deliveries must be signed with `key`. */
    expectSigningKey: (key: string) => void (signingKey = key),
    failNext: (...statuses: number[]) => void failures.push(...statuses),
    /** The first delivery of `event` about a user (id or username), waiting for it (hooks run after the response). */
    waitFor: (event: string, user: string) =>
      waitFor(`a ${event} webhook about ${user}`, async () =>
        deliveries.find((delivery) => delivery.body.event === event && (delivery.body.userId === user || delivery.body.user?.username === user)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
