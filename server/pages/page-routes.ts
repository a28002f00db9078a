/**
 * The browser pages: one built HTML shell for every page (the script picks the view by path),
 * its hashed assets, and the access decision for each protected page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { signInUrl } from '../../shared/pages/page-paths.js';
import type { Context } from '../context.js';
import { PROJECT_DIR } from '../project-dir.js';
import { hashToken } from '../crypto/tokens.js';
import { cookieSessionToken } from '../http/request-session.js';
import { decidePage, type PageSession, type ProtectedPage } from './page-access.js';
import { pageCsp } from './page-csp.js';

/** Where `npm run build:web` puts the pages. */
export const WEB_DIST_DIR = join(PROJECT_DIR, 'dist', 'web');

const NOT_BUILT = 'The browser pages have not been built. Run: npm run build:web\n';

export async function registerPageRoutes(app: FastifyInstance, ctx: Context, secure: boolean, distDir = WEB_DIST_DIR): Promise<void> {
  const csp = pageCsp(secure);
  let shell: string | undefined;
  const loadShell = async (): Promise<string | undefined> => {
    shell ??= await readFile(join(distDir, 'index.html'), 'utf8').catch(() => undefined);
    return shell;
  };

  const assets = join(distDir, 'assets');
  if (existsSync(assets)) {
    // The build makes no dotfiles: one found there (an editor's, a sync tool's) is not for the world.
    await app.register(fastifyStatic, { root: assets, prefix: '/assets/', index: false, dotfiles: 'ignore', decorateReply: false, immutable: true, maxAge: '365d' });
  }

  const sendShell = async (reply: FastifyReply, status: number) => {
    const html = await loadShell();
    if (html === undefined) return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    return reply
      .code(status)
      .header('content-security-policy', csp)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  };

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
  app.get('/signin', async (_request, reply) => sendShell(reply, 200));

  const pages: readonly ProtectedPage[] = ['/enroll', '/settings', '/admin'];
  for (const page of pages) {
    app.get(page, async (request, reply) => {
      const decision = decidePage(page, await sessionOf(request), signInUrl);
      return decision.kind === 'redirect' ? reply.redirect(decision.to) : sendShell(reply, decision.status);
    });
  }
}
