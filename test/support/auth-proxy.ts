/**
 * A forward proxy on loopback that demands Basic authentication, as corporate proxies do: without
 * the right Proxy-Authorization it answers 407 with Proxy-Authenticate, to CONNECT (tunnels) and to
 * plain HTTP requests in absolute form alike; with it, it passes the request on. Every host name
 * leads to loopback, so a client can reach a test server by a name only this proxy knows (Node's
 * fetch never sends loopback addresses to a proxy). It records what it decided for each request,
 * never the credentials.
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export interface AuthProxy {
  readonly url: string;
  /** One entry a request: how it came (CONNECT or a forwarded method) and whether it was let through. */
  readonly decisions: readonly { readonly method: string; readonly allowed: boolean }[];
  close(): Promise<void>;
}

export async function startAuthProxy(username: string, password: string): Promise<AuthProxy> {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const decisions: { method: string; allowed: boolean }[] = [];
  const allowed = (request: IncomingMessage) => {
    const ok = request.headers['proxy-authorization'] === expected;
    decisions.push({ method: request.method ?? '', allowed: ok });
    return ok;
  };
  const demand = 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

  const server = createServer((request, response) => {
    if (!allowed(request)) {
      response.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="corp"', Connection: 'close' }).end();
      return;
    }
    const target = new URL(request.url ?? '');
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request: IncomingMessage, socket, head: Buffer) => {
    if (!allowed(request)) {
      socket.end(demand);
      return;
    }
    const port = Number((request.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    decisions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
