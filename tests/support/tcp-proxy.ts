import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Simulates the database going away: stops listening and drops every open connection. */
  cut(): Promise<void>;
  /** Brings it back on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a real server, so a test can pull the network out from under
 * a running app (and put it back) without stopping the shared PostgreSQL service.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      // No Nagle delay on either leg: a relay that holds small writes back stalls every query ~40 ms.
      const next = net.createServer({ noDelay: true }, (client) => {
        const upstream = net.connect({ ...target, noDelay: true });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          // A reset on one side ends the pair; the error itself is expected during a cut.
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as net.AddressInfo).port;
        server = next;
        resolve();
      });
    });

  const stop = async () => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    cut: stop,
    restore: listen,
    close: stop,
  };
}
