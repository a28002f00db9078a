/**
 * The browser pages and their cookie sessions, added to the API server. Registered on the root
 * instance (not as an encapsulated plugin) because its hooks must see the API's requests too.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Language } from '../../shared/messages/language.js';
import type { Context } from '../context.js';
import { cookiePolicy } from './cookie-policy.js';
import { registerCookieSessions, type HandSessionToBrowser } from './cookie-session.js';
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

/** Returns how a session issued elsewhere (single sign-on) is handed to the browser's cookie. */
export async function registerPages(app: FastifyInstance, ctx: Context, options: PagesOptions = {}): Promise<HandSessionToBrowser> {
  const policy = cookiePolicy(ctx.origin());
  await app.register(cookie);
  const hand = registerCookieSessions(app, ctx, policy, idleSessions(options.idleMs ?? DEFAULT_IDLE_MS));
  registerCsrfGuard(app, policy, csrfTokens(ctx.key));
  await registerPageRoutes(app, ctx, { secure: policy.secure, distDir: options.distDir, language: options.language });
  return hand;
}
