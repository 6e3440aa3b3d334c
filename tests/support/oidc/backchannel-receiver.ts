import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../wait-for';

/** One POST an RP's back-channel logout endpoint received. */
export interface Delivery {
  path: string;
  contentType: string | undefined;
  form: URLSearchParams;
}

/**
 * A relying party's back-channel logout endpoint (OIDC Back-Channel Logout 1.0 §2.5) on
 * 127.0.0.1: records every POST and answers 200. Test servers run with
 * ALLOW_PRIVATE_OUTBOUND=1, so Sesame may call it.
 */
export async function startBackchannelReceiver() {
  const deliveries: Delivery[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    deliveries.push({ path: request.url ?? '/', contentType: request.headers['content-type'], form: new URLSearchParams(body) });
    response.writeHead(200, { 'cache-control': 'no-store' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    /** A distinct logout URI per app, so deliveries can be told apart. */
    uri: (name: string) => `${base}/backchannel/${name}`,
    deliveries,
    /** Waits until `path` has received a POST (delivery happens after the user's response). */
    next: (name: string, after = 0) =>
      waitFor(`a back-channel logout POST to /backchannel/${name}`, async () =>
        deliveries.filter((delivery) => delivery.path === `/backchannel/${name}`)[after],
      ),
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
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
