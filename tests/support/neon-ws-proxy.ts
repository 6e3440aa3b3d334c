import net from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface NeonWsProxy {
  /** What NEON_WS_PROXY takes: `127.0.0.1:PORT` (the driver appends `/v2?address=host:port`). */
  address: string;
  /** WebSocket connections accepted so far: proves the Neon driver really went through the proxy. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A local stand-in for Neon's WebSocket endpoint: each WebSocket carries one Postgres
 * connection, relayed byte for byte to a TCP server. Only `allow` (host:port) may be
 * reached, so the proxy can never be used to probe other addresses.
 */
export async function startNeonWsProxy({ allow }: { allow: string }): Promise<NeonWsProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  let accepted = 0;
  const sockets = new Set<net.Socket>();

  server.on('connection', (ws: WebSocket, request) => {
    const target = new URL(request.url ?? '/', 'ws://proxy').searchParams.get('address');
    if (target !== allow) {
      ws.close(1008, 'address not allowed');
      return;
    }
    accepted++;
    const [host, port] = splitHostPort(target);
    // No Nagle delay: the driver's small protocol messages would each wait for an ACK.
    const tcp = net.connect({ host, port, noDelay: true });
    sockets.add(tcp);
    // Bytes the client sends before the TCP side is up are buffered by the socket itself.
    ws.on('message', (data: Buffer) => tcp.write(data));
    ws.on('close', () => tcp.end());
    ws.on('error', () => tcp.destroy());
    tcp.on('data', (chunk) => ws.send(chunk));
    tcp.on('close', () => {
      sockets.delete(tcp);
      ws.close();
    });
    tcp.on('error', () => ws.terminate());
  });

  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    connections: () => accepted,
    close: async () => {
      for (const client of server.clients) client.terminate();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function splitHostPort(address: string): [string, number] {
  const index = address.lastIndexOf(':');
  return [address.slice(0, index), Number(address.slice(index + 1))];
}
