/**
 * Client addresses for the load: on Linux every address of 127.0.0.0/8 is this machine, so client sockets
 * bound to 127.0.0.2, 127.0.0.3, ... reach the server on 127.0.0.1 from as many source addresses, as
 * clients behind many addresses do (the server's throttle counts per client address).
 */
import net from 'node:net';
import type autocannon from 'autocannon';

/** The n-th address from 127.0.0.2 up (n from 0), carrying into the third and second bytes. */
export function loopbackAddress(n: number): string {
  const host = n + 2;
  return `127.${(host >> 16) & 255}.${(host >> 8) & 255}.${host & 255}`;
}

export const loopbackAddresses = (count: number): readonly string[] => Array.from({ length: count }, (_, n) => loopbackAddress(n));

/**
 * Binds an autocannon client's socket (and every reconnection of it) to `address`. autocannon opens its
 * sockets with `net.connect(port, host)` inside the client's `_connect` and takes no local address; the
 * module object it calls is this one, so for the length of that synchronous call `net.connect` adds one.
 */
export function bindClient(client: autocannon.Client, address: string): void {
  const target = client as unknown as { _connect: () => void };
  const connect = target._connect;
  target._connect = function bound(this: unknown) {
    const plain = net.connect;
    net.connect = ((port: number, host: string) => plain({ port, host, localAddress: address })) as typeof net.connect;
    try {
      connect.call(this);
    } finally {
      net.connect = plain;
    }
  };
}
