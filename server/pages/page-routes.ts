/**
 * The browser pages: one built HTML shell for every page (the script picks the view by path) in
 * the language the browser asks for, its hashed assets, the favicon, and the access decision for
 * each protected page. /signin, /help and /handoff are open to everyone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../shared/messages/language.js';
import { signInUrl } from '../../shared/pages/page-paths.js';
import type { Context } from '../context.js';
import { PROJECT_DIR } from '../project-dir.js';
import { HANDOFF_PAGE } from '../auth/handoff.js';
import { hashToken } from '../crypto/tokens.js';
import { cookieSessionToken } from '../http/request-session.js';
import { decidePage, type PageSession, type ProtectedPage } from './page-access.js';
import { pageCsp } from './page-csp.js';
import { pageLanguage, shellInLanguage } from './page-language.js';

/** Where `npm run build:web` puts the pages. */
export const WEB_DIST_DIR = join(PROJECT_DIR, 'dist', 'web');

const NOT_BUILT = 'The browser pages have not been built. Run: npm run build:web\n';

export interface PageRouteOptions {
  readonly secure: boolean;
  readonly distDir?: string | undefined;
  /** Every page in this language, whatever the browser asks for. */
  readonly language?: Language | undefined;
  /** Whether the request carried a session cookie at all (working or not). */
  readonly carriesSessionCookie?: ((request: FastifyRequest) => boolean) | undefined;
}

export async function registerPageRoutes(app: FastifyInstance, ctx: Context, options: PageRouteOptions): Promise<void> {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  const csp = pageCsp(options.secure);
  let shell: string | undefined;
  const loadShell = async (): Promise<string | undefined> => {
    shell ??= await readFile(join(distDir, 'index.html'), 'utf8').catch(() => undefined);
    return shell;
  };
  let favicon: Buffer | undefined;
  const loadFavicon = async (): Promise<Buffer | undefined> => {
    favicon ??= await readFile(join(distDir, 'favicon.svg')).catch(() => undefined);
    return favicon;
  };

  const assets = join(distDir, 'assets');
  if (existsSync(assets)) {
    // The build makes no dotfiles: one found there (an editor's, a sync tool's) is not for the world.
    await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, dotfiles: 'ignore', decorateReply: false, immutable: true, maxAge: '365d' });
  }

  const sendShell = async (request: FastifyRequest, reply: FastifyReply, status: number) => {
    const html = await loadShell();
    if (html === undefined) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    const language = pageLanguage(request.headers['accept-language'], options.language);
    return reply
      .code(status)
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('content-language', language)
      .header('vary', 'Accept-Language')
      .type('text/html; charset=utf-8')
      .send(shellInLanguage(html, language));
  };

  // Browsers ask for /favicon.ico by themselves; an SVG answers both names.
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.get(path, async (_request, reply) => {
      const icon = await loadFavicon();
      if (icon === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
      return reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(icon);
    });
  }

  const sessionOf = async (request: FastifyRequest): Promise<PageSession> => {
    const token = cookieSessionToken(request);
    if (token === undefined) return { kind: 'none' };
    return ctx.store.read(async (view) => {
      const session = await view.sessions.findByHash(hashToken(token), ctx.clock.now());
      const user = session && (await view.users.byId(session.userId));
      if (session === undefined || user === undefined || user.disabled) return { kind: 'none' };
      return { kind: session.kind, isAdmin: user.isAdmin };
    });
  };

  app.get('/', async (_request, reply) => reply.redirect('/settings'));
  app.get('/signin', async (request, reply) => sendShell(request, reply, 200));
  app.get('/help', async (request, reply) => sendShell(request, reply, 200));
  // The desktop app's hand-off: the code is in the fragment, which the page reads and spends.
  app.get(HANDOFF_PAGE, async (request, reply) => sendShell(request, reply, 200));

  const pages: readonly ProtectedPage[] = ['/enroll', '/settings', '/admin'];
  for (const page of pages) {
    app.get(page, async (request, reply) => {
      const decision = decidePage(page, await sessionOf(request), signInUrl, options.carriesSessionCookie?.(request) ?? false);
      return decision.kind === 'redirect' ? reply.redirect(decision.to) : sendShell(request, reply, decision.status);
    });
  }
}
