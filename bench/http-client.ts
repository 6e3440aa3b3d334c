import net from 'node:net';

/**
 * The sign-in load's HTTP client: HTTP/1.1 over kept-alive sockets, written straight to
 * node:net. The load generator shares the machine's cores with the server it measures, and
 * node:http's client (agents, streams, header objects) costs about 0.3 ms of CPU per request,
 * `fetch` twice that; this one a fraction of it. The server sees an ordinary request: the
 * request line, Host, Connection: keep-alive, the caller's headers and Content-Length.
 * It knows exactly what the bench needs: no redirects, no compression, no pipelining.
 */
export type BenchResponse = { status: number; location: string | undefined; setCookies: string[]; body: string };

type Pending = { resolve: (response: BenchResponse) => void; reject: (error: Error) => void };

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** One kept-alive connection, one request at a time. */
class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  closed = false;

  constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    const fail = (error: Error) => {
      this.closed = true;
      const pending = this.pending;
      this.pending = undefined;
      pending?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  send(head: string, body: string | undefined): Promise<BenchResponse> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  /** Completes the pending request once its whole response is buffered. */
  private parse(): void {
    const headEnd = this.buffered.indexOf(CRLF_CRLF);
    if (headEnd < 0 || !this.pending) return;
    const lines = this.buffered.toString('latin1', 0, headEnd).split('\r\n');
    const status = Number(lines[0]!.split(' ')[1]);
    const setCookies: string[] = [];
    let location: string | undefined;
    let contentLength: number | undefined;
    let chunked = false;
    let close = false;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'set-cookie') setCookies.push(value);
      else if (name === 'location') location = value;
      else if (name === 'content-length') contentLength = Number(value);
      else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
      else if (name === 'connection') close = value.toLowerCase() === 'close';
    }
    const bodyStart = headEnd + 4;
    const decoded = chunked ? dechunk(this.buffered, bodyStart) : whole(this.buffered, bodyStart, contentLength ?? 0);
    if (!decoded) return;
    this.buffered = this.buffered.subarray(decoded.end);
    const pending = this.pending;
    this.pending = undefined;
    if (close) {
      this.closed = true;
      this.socket.end();
    }
    pending.resolve({ status, location, setCookies, body: decoded.body.toString('utf8') });
  }
}

function whole(buffer: Buffer, start: number, length: number): { body: Buffer; end: number } | undefined {
  return buffer.length - start < length ? undefined : { body: buffer.subarray(start, start + length), end: start + length };
}

/** RFC 9112 §7.1 chunked coding, without extensions or trailers (Node's server sends none). */
function dechunk(buffer: Buffer, start: number): { body: Buffer; end: number } | undefined {
  const parts: Buffer[] = [];
  let offset = start;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', offset);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buffer.toString('latin1', offset, lineEnd), 16);
    const dataStart = lineEnd + 2;
    if (buffer.length < dataStart + size + 2) return undefined;
    if (size === 0) return { body: Buffer.concat(parts), end: dataStart + 2 };
    parts.push(buffer.subarray(dataStart, dataStart + size));
    offset = dataStart + size + 2;
  }
}

const idle = new Map<string, Connection[]>();

function connect(host: string, port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => {
      socket.off('error', reject);
      resolve(new Connection(socket));
    });
    socket.once('error', reject);
  });
}

export async function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BenchResponse> {
  const target = new URL(url);
  const key = target.host;
  const pool = idle.get(key) ?? [];
  idle.set(key, pool);
  let connection = pool.pop();
  while (connection?.closed) connection = pool.pop();
  connection ??= await connect(target.hostname, Number(target.port || 80));
  let head = `${init.method ?? 'GET'} ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(init.headers ?? {})) head += `${name}: ${value}\r\n`;
  if (init.body !== undefined) head += `Content-Length: ${Buffer.byteLength(init.body)}\r\n`;
  const response = await connection.send(`${head}\r\n`, init.body);
  if (!connection.closed) pool.push(connection);
  return response;
}
