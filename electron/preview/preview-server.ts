/**
 * The browser preview: the built renderer served over HTTP on loopback, with the real
 * main-process sign-in flow (the same electron/signin code, in plain Node) behind it. The page
 * talks to it through the same IPC contract, carried as POSTed intents and server-sent views.
 * "Open in browser" is recorded and printed rather than performed, so tests can assert the URL;
 * so is bringing the window to the front, which a browser tab cannot do, and "Copy diagnostics", whose
 * text this server cannot put on the page's clipboard. A browser sign-in's loopback
 * listener is the real one: whoever opens the printed address comes back to it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { isIntent } from '../../shared/ipc/intents.js';
import { INITIAL_VIEW_ELEMENT_ID, PREVIEW_ROUTES } from '../../shared/ipc/preview-routes.js';
import { serverUrlOf, type AppView } from '../../shared/ipc/view.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import { createApiClient, type ApiClient } from '../api/api-client.js';
import { saveUserServerUrl, type ConfigEnvironment } from '../config/load-config.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { writeTextFile } from '../config/node-environment.js';
import type { DiagnosticsFacts } from '../diagnostics/collect-diagnostics.js';
import { diagnosticsService } from '../diagnostics/diagnostics-service.js';
import { nodeProbes, previewRuntime } from '../diagnostics/node-probes.js';
import type { CredentialStore } from '../keychain/credential-store.js';
import { PAGE_SECURITY_HEADERS } from '../security/content-security-policy.js';
import { SignInFlow } from '../signin/sign-in-flow.js';
import { trustedComputerName } from '../signin/trusted-computer.js';
import { startLoopbackListener } from '../sso/loopback-listener.js';
import { contentTypeOf } from '../app/content-types.js';
import { environmentLanguages, uiLanguage } from '../app/ui-language.js';

export interface PreviewOptions {
  readonly rendererDir: string;
  readonly config: ResolvedConfig;
  readonly configEnvironment: Pick<ConfigEnvironment, 'readFile' | 'userSettingsPath'>;
  readonly credentials: CredentialStore;
  readonly port?: number;
  readonly apiTimeoutMs?: number;
  /** The operating system's preferred languages; by default those of this process's environment (LANG and friends). */
  readonly systemLanguages?: readonly string[];
  readonly onOpenExternal?: (url: string) => void;
  /** Raises the preview's tab, as a window manager raises the app's window (the kit's Chromium page). */
  readonly onBringToFront?: () => void;
  readonly log?: (message: string) => void;
  /** What the diagnostics say of the configuration: its sources and policy reads (none where the launcher configured the preview itself). */
  readonly diagnostics?: Pick<DiagnosticsFacts, 'sources' | 'policySources'>;
}

export interface Preview {
  readonly url: string;
  readonly flow: SignInFlow;
  /** URLs the app asked to open in the browser, oldest first. */
  readonly opened: readonly string[];
  /** How many times the app asked to come to the front (the browser came back from a sign-in). */
  readonly broughtToFront: number;
  /** What "Copy diagnostics" last put on the (stand-in) clipboard, or null. */
  readonly clipboard: string | null;
  close(): Promise<void>;
}

const MAX_INTENT_BYTES = 8 * 1024;

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_INTENT_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? (() => undefined);
  const opened: string[] = [];
  let broughtToFront = 0;
  const clients = new Map<string, ApiClient>();
  const config = options.config;
  const language = uiLanguage(config.settings.language, options.systemLanguages ?? environmentLanguages(process.env));
  const flow = new SignInFlow({
    apiFor: (url) => {
      const client = clients.get(url) ?? createApiClient({ origin: url, log, ...(options.apiTimeoutMs === undefined ? {} : { timeoutMs: options.apiTimeoutMs }) });
      clients.set(url, client);
      return client;
    },
    credentials: options.credentials,
    server: config.settings.serverUrl === null ? null : { url: config.settings.serverUrl, locked: config.locked.serverUrl },
    allowKeepSignedIn: config.settings.allowKeepSignedIn,
    allowTrustedComputer: config.settings.allowTrustedComputer,
    trustedComputerDays: config.settings.trustedComputerDays,
    computerName: trustedComputerName(process.platform, hostname()),
    allowPasswordSignIn: config.settings.allowPasswordSignIn,
    ssoProvider: config.settings.ssoProvider,
    extraExternalOrigins: config.settings.externalOrigins,
    helpUrl: config.settings.helpUrl,
    app: { language, version: packageJson.version },
    saveServerUrl: (url) => saveUserServerUrl(options.configEnvironment, writeTextFile, url).catch(() => undefined),
    openExternal: async (url) => {
      opened.push(url);
      options.onOpenExternal?.(url);
    },
    startLoopback: startLoopbackListener,
    bringToFront: () => {
      broughtToFront += 1;
      log('the app would come to the front now');
      options.onBringToFront?.();
    },
    now: () => Date.now(),
    log,
  });

  // A browser tab's server cannot reach the page's clipboard: the text is kept for tests and printed.
  let clipboard: string | null = null;
  const diagnostics = diagnosticsService({
    facts: {
      version: packageJson.version,
      runtime: previewRuntime(),
      sources: options.diagnostics?.sources ?? [],
      policySources: options.diagnostics?.policySources ?? [],
      get keychain() {
        return options.credentials.state;
      },
      logFile: null,
    },
    probes: nodeProbes(),
    currentServer: () => serverUrlOf(flow.view),
    messages: messagesFor(language),
    writeClipboard: (text) => {
      clipboard = text;
      log(`Copy diagnostics (the preview keeps them here instead of on the clipboard):\n${text}`);
    },
  });

  const streams = new Set<ServerResponse>();
  flow.subscribe((view: AppView) => {
    const frame = `data: ${JSON.stringify(view)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const root = normalize(options.rendererDir);
  let origin = '';

  const server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === PREVIEW_ROUTES.intent) {
      // Only the preview's own page may drive the flow: same origin, JSON, a valid intent.
      const sameOrigin = req.headers.origin === origin;
      const json = (req.headers['content-type'] ?? '').startsWith('application/json');
      if (req.method !== 'POST' || !sameOrigin || !json) return void res.writeHead(403).end();
      const body = await readBody(req);
      let payload: unknown = null;
      try {
        payload = body === null ? null : (JSON.parse(body) as unknown);
      } catch {
        payload = null;
      }
      if (!isIntent(payload)) return void res.writeHead(400).end();
      // Answer at once, as ipcRenderer.invoke does not wait for the server either; views follow by events.
      res.writeHead(204).end();
      await flow.handle(payload);
      return;
    }
    if (url.pathname === PREVIEW_ROUTES.diagnostics || url.pathname === PREVIEW_ROUTES.copyDiagnostics) {
      // Like the IPC handlers: only the preview's own page, and no arguments.
      if (req.method !== 'POST' || req.headers.origin !== origin) return void res.writeHead(403).end();
      if ((await readBody(req)) !== '') return void res.writeHead(400).end();
      if (url.pathname === PREVIEW_ROUTES.copyDiagnostics) {
        await diagnostics.copy();
        return void res.writeHead(204).end();
      }
      const report = await diagnostics.collect();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify(report));
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (url.pathname === PREVIEW_ROUTES.state) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify(flow.view));
    }
    if (url.pathname === PREVIEW_ROUTES.events) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`data: ${JSON.stringify(flow.view)}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === PREVIEW_ROUTES.opened) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ opened }));
    }
    if (url.pathname === PREVIEW_ROUTES.clipboard) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void res.end(JSON.stringify({ clipboard }));
    }
    const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    const type = contentTypeOf(file);
    if (!file.startsWith(root + sep) || type === undefined) return void res.writeHead(404).end();
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return void res.writeHead(404).end();
    }
    if (extname(file) === '.html') {
      // The current view goes into the page as inert JSON (not script: the CSP allows none inline).
      const json = JSON.stringify(flow.view).replace(/</g, '\\u003c');
      const html = content.toString('utf8').replace('</body>', `<script type="application/json" id="${INITIAL_VIEW_ELEMENT_ID}">${json}</script></body>`);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...PAGE_SECURITY_HEADERS });
      return void res.end(html);
    }
    // Bundles carry a content hash in their name, so they may be cached for good (and V8 keeps their compiled code).
    const cache = url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache, ...PAGE_SECURITY_HEADERS });
    res.end(content);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await flow.start();

  return {
    url: origin,
    flow,
    opened,
    get broughtToFront() {
      return broughtToFront;
    },
    get clipboard() {
      return clipboard;
    },
    close: async () => {
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const DEFAULT_RENDERER_DIR = join(process.cwd(), 'dist', 'renderer');
