/**
 * A stand-in for Electron's download mirror on loopback, for the tests of what fetches (or must not fetch)
 * the runtime: it records every path asked for and answers as the test says (404 unless told otherwise).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export type MirrorHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface DownloadMirror {
  /** e.g. http://127.0.0.1:41234/ (with the trailing slash ELECTRON_MIRROR takes). */
  readonly url: string;
  /** Paths asked for since the start or the last `reset`. */
  readonly requests: string[];
  /** How the next requests are answered. */
  answer(handler: MirrorHandler): void;
  reset(): void;
  close(): Promise<void>;
}

const notFound: MirrorHandler = (_req, res) => res.writeHead(404).end('Not Found');

export async function startDownloadMirror(): Promise<DownloadMirror> {
  const requests: string[] = [];
  let handler = notFound;
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    answer: (next) => {
      handler = next;
    },
    reset: () => {
      requests.length = 0;
      handler = notFound;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The environment of a person's shell without this machine's Electron settings, the project's
 * node_modules on NODE_PATH (for a copy of the electron package elsewhere), the mirror and an empty cache.
 */
export function installerEnv(mirrorUrl: string, cache: string, extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/electron/i.test(name)));
  return { ...clean, NODE_PATH: join(ROOT, 'node_modules'), ELECTRON_MIRROR: mirrorUrl, electron_config_cache: cache, ...extra };
}
