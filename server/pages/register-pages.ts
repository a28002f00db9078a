/**
 * The browser pages and their cookie sessions, added to the API server. Registered on the root
 * instance (not as an encapsulated plugin) because its hooks must see the API's requests too.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Language } from '../../shared/messages/language.js';
import type { Context } from '../context.js';
import { cookiePolicy } from './cookie-policy.js';
import { registerCookieSessions } from './cookie-session.js';
import { registerCsrfGuard } from './csrf-guard.js';
import { csrfTokens } from './csrf-tokens.js';
import { DEFAULT_IDLE_MS, idleSessions } from './idle-sessions.js';
import { registerPageRoutes } from './page-routes.js';

export interface PagesOptions {
  readonly idleMs?: number;
  readonly distDir?: string;
  /** Send every page in this language instead of the one the browser asks for. */
  readonly language?: Language;
}

export async function registerPages(app: FastifyInstance, ctx: Context, options: PagesOptions = {}): Promise<void> {
  const policy = cookiePolicy(ctx.origin());
  await app.register(cookie);
  registerCookieSessions(app, ctx, policy, idleSessions(options.idleMs ?? DEFAULT_IDLE_MS));
  registerCsrfGuard(app, policy, csrfTokens(ctx.key));
  await registerPageRoutes(app, ctx, { secure: policy.secure, distDir: options.distDir, language: options.language });
}
