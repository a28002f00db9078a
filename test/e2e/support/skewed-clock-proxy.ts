/**
 * A real HTTP hop on loopback in front of the test server that changes only the `Date` header of its
 * answers, as a server whose clock runs `offsetMs` away from this computer's would send it.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SkewedClockProxy {
  readonly url: string;
  close(): Promise<void>;
}

export async function skewedClockProxy(target: string, offsetMs: number): Promise<SkewedClockProxy> {
  const upstream = new URL(target);
  // Idle connections are kept as long as the server behind keeps them (Fastify's 72 s): with Node's 5 s, the app
  // could send a code on a connection the proxy was closing, and it would fail as if the server were unreachable.
  const server: Server = createServer({ keepAliveTimeout: 72_000 }, (req, res) => {
    const forwarded = request(
      // A connection of its own for each request: a kept-alive one can be closed by the server's idle timeout
      // just as it is reused, and the request would fail as if the server were unreachable.
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host }, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, date: new Date(Date.now() + offsetMs).toUTCString() });
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
