/**
 * The app's end of a browser sign-in (RFC 8252 section 7.3): a listener on 127.0.0.1, on a port the
 * system chooses now, that waits for the browser's one return to its path. It answers that return
 * with a small page saying the tab can be closed, then stops listening. Requests from anywhere else
 * (another Host, another path, another method, a state that is not ours) are answered and refused,
 * and it keeps waiting. Plain Node: it runs the same in Electron, the browser preview and tests.
 */
import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readArrival, type BrowserReturn } from './browser-return.js';

/** The path the browser comes back to; plain segments, as docs/sso.md asks. */
export const RETURN_PATH = '/stepgate/sso';

export interface ReturnPageWords {
  readonly lang: string;
  readonly title: string;
  readonly done: string;
  readonly failed: string;
  readonly notOurs: string;
}

export interface LoopbackOptions {
  readonly state: string;
  readonly timeoutMs: number;
  readonly words: ReturnPageWords;
}

export type LoopbackOutcome = BrowserReturn | { readonly kind: 'timeout' } | { readonly kind: 'closed' };

export interface LoopbackListener {
  /** `http://127.0.0.1:PORT/stepgate/sso`, for the start URL's redirect_uri. */
  readonly redirectUri: string;
  /** Settles once: the browser's return, the timeout, or close(). */
  readonly outcome: Promise<LoopbackOutcome>;
  /** Stops listening (Cancel); the outcome becomes `closed` if nothing came before. */
  close(): Promise<void>;
}

export type StartLoopback = (options: LoopbackOptions) => Promise<LoopbackListener>;

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1.5rem}';
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Nothing may load or run: only the one inline style, by its hash.
const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function answer(res: ServerResponse, status: number, words: ReturnPageWords, text: string, extra: Record<string, string> = {}): void {
  const html =
    `<!doctype html><html lang="${escapeHtml(words.lang)}"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(words.title)}</title><style>${STYLE}</style></head>` +
    `<body><p>${escapeHtml(text)}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // One request per connection: nothing lingers on a kept-alive socket once the answer is sent.
    Connection: 'close',
    ...extra,
  });
  res.end(html);
}

export const startLoopbackListener: StartLoopback = async (options) => {
  let settle: (outcome: LoopbackOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<LoopbackOutcome>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
  });

  const server = createServer();
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1, never "localhost" (which may resolve to ::1 or be redirected) and never all interfaces.
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  if (port < 1024) {
    await stop();
    throw new Error(`the system gave the loopback listener port ${port}, below 1024`);
  }
  const expected = { host: `127.0.0.1:${port}`, path: RETURN_PATH, state: options.state };
  const timer = setTimeout(() => {
    settle({ kind: 'timeout' });
    void stop();
  }, options.timeoutMs);
  // The app's own lifetime, not this timer, decides when the process may end.
  timer.unref();

  server.on('request', (req, res) => {
    if (settled) {
      // A request already on its way when the listener finished: it gets nothing.
      res.writeHead(404, { Connection: 'close' }).end();
      return;
    }
    const arrival = readArrival(req.method, req.headers.host, req.url, expected);
    if (arrival.kind === 'refused') {
      const allow: Record<string, string> = arrival.status === 405 ? { Allow: 'GET' } : {};
      answer(res, arrival.status, options.words, options.words.notOurs, allow);
      return;
    }
    settle(arrival.value);
    answer(res, 200, options.words, arrival.value.kind === 'code' ? options.words.done : options.words.failed);
    res.on('finish', () => void stop());
  });

  return {
    redirectUri: `http://127.0.0.1:${port}${RETURN_PATH}`,
    outcome,
    close: async () => {
      settle({ kind: 'closed' });
      await stop();
    },
  };
};
