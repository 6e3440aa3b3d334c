import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../wait-for';

/** One POST an RP's back-channel logout endpoint received. */
export interface Delivery {
  path: string;
  contentType: string | undefined;
  form: URLSearchParams;
  /** What the receiver answered. */
  status: number;
}

/**
 * A relying party's back-channel logout endpoint (OIDC Back-Channel Logout 1.0 §2.5) on
 * 127.0.0.1: records every POST and answers 200 (or what failNext says). Test servers run with
 * ALLOW_PRIVATE_OUTBOUND=1, so Sesame may call it.
 */
export async function startBackchannelReceiver() {
  const deliveries: Delivery[] = [];
  /** Per path, statuses to answer before the next 200s (an RP that is down for a moment). */
  const failures = new Map<string, number[]>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = request.url ?? '/';
    const status = failures.get(path)?.shift() ?? 200;
    deliveries.push({ path, contentType: request.headers['content-type'], form: new URLSearchParams(body), status });
    response.writeHead(status, { 'cache-control': 'no-store' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    /** A distinct logout URI per app, so deliveries can be told apart. */
    uri: (name: string) => `${base}/backchannel/${name}`,
    deliveries,
    /** The next POSTs to `name` are answered with these statuses, then 200 again. */
    failNext: (name: string, ...statuses: number[]) => failures.set(`/backchannel/${name}`, statuses),
    /** How many POSTs `name` has received so far. */
    count: (name: string) => deliveries.filter((delivery) => delivery.path === `/backchannel/${name}`).length,
    /**
     * Waits until /backchannel/`name` has received `count` POSTs whose logout token is about
     * session `sid` (delivery happens after the user's response), and returns them in order.
     */
    forSession: (name: string, sid: string, count = 1) =>
      waitFor(`${count} back-channel logout POST(s) to /backchannel/${name} for sid ${sid}`, async () => {
        const matching = deliveries.filter((delivery) => delivery.path === `/backchannel/${name}` && sidOf(delivery) === sid);
        return matching.length >= count ? matching : undefined;
      }),
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The `sid` claim of a delivery's logout token, read without verifying (tests verify separately). */
function sidOf(delivery: Delivery): string | undefined {
  const token = delivery.form.get('logout_token');
  const payload = token?.split('.')[1];
  return payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sid?: string }).sid : undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}
