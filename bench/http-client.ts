import http from 'node:http';

/**
 * The sign-in load's HTTP client: node:http over keep-alive connections. The load generator
 * shares the machine's cores with the server, and `fetch` (undici, web streams) spends about
 * twice the CPU per request; autocannon, which drives the other rows, is leaner still.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export type BenchResponse = { status: number; location: string | undefined; setCookies: string[]; body: string };

export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...init.headers, ...(init.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(init.body)) }) };
    const outgoing = http.request(url, { method: init.method ?? 'GET', headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          setCookies: response.headers['set-cookie'] ?? [],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}
