/**
 * The browser pages and their cookie sessions, added to the API server. The cookie and CSRF checks
 * hang on the root instance, because the pages call the API with the cookie; they do their work only
 * for requests that carry the cookie or ask for one, so bearer and anonymous API calls pass straight by.
 * The pages themselves (with their security headers) live in a scope of their own.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Language } from '../../shared/messages/language.js';
import type { Context } from '../context.js';
import { cookiePolicy } from './cookie-policy.js';
import { COOKIE_SESSION_HEADER, cookieSessions, DEFAULT_IDLE_MS, LOGOUT_ROUTE, SESSION_ROUTES, type CookieJar, type HandSessionToBrowser } from './cookie-session.js';
import { csrfRefusal, registerCsrfTokenRoute } from './csrf-guard.js';
import { csrfTokens } from './csrf-tokens.js';
import { registerPageRoutes } from './page-routes.js';
import { TRUSTED_COOKIE_ROUTES, trustedCookies } from './trusted-cookie.js';

export interface PagesOptions {
  readonly idleMs?: number;
  readonly distDir?: string;
  /** Send every page in this language instead of the one the browser asks for. */
  readonly language?: Language;
}

const carriesCookieSession = (request: FastifyRequest): boolean =>
  request.headers.cookie !== undefined || request.headers[COOKIE_SESSION_HEADER] !== undefined;

/** The browser pages and their sessions; returns how a session issued elsewhere (single sign-on) is put in the browser's cookie. */
export interface Pages {
  readonly handSessionToBrowser: HandSessionToBrowser;
  /** The request's cookies, parsed on first use. */
  readonly cookies: CookieJar;
}

export async function registerPages(app: FastifyInstance, ctx: Context, options: PagesOptions = {}): Promise<Pages> {
  const policy = cookiePolicy(ctx.origin());
  // Cookies are parsed on first use, not on every request.
  await app.register(cookie, { hook: false });
  const jar: CookieJar = (request) => {
    const header = request.headers.cookie;
    // Decorated as null by the cookie plugin until something parses them.
    request.cookies ??= header === undefined ? {} : app.parseCookie(header);
    return request.cookies;
  };
  const csrf = csrfTokens(ctx.key);
  const sessions = cookieSessions(ctx, policy, options.idleMs ?? DEFAULT_IDLE_MS, jar);
  const trusted = trustedCookies(ctx, policy, jar);

  app.addHook('onRequest', (request, reply, done) => {
    if (!carriesCookieSession(request)) {
      done();
      return;
    }
    sessions.arrive(request, reply).then(() => {
      trusted.arrive(request);
      done(csrfRefusal(request, policy, csrf, jar));
    }, done);
  });
  // The answers that issue or end a session or a trusted computer are the only ones the cookies have to follow.
  app.addHook('onRoute', (route) => {
    const hooks = [
      ...(SESSION_ROUTES.has(route.url) || route.url === LOGOUT_ROUTE ? [sessions.answerWithCookie] : []),
      ...(TRUSTED_COOKIE_ROUTES.has(route.url) ? [trusted.answerWithCookie] : []),
    ];
    if (hooks.length === 0) return;
    const existing = route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [...existing, ...hooks];
  });

  await app.register(async (pages) => {
    await pages.register(helmet, { global: true });
    registerCsrfTokenRoute(pages, policy, csrf, jar);
    await registerPageRoutes(pages, ctx, {
      secure: policy.secure,
      distDir: options.distDir,
      language: options.language,
      carriesSessionCookie: (request) => jar(request)[policy.sessionName] !== undefined,
    });
  });
  return { handSessionToBrowser: sessions.hand, cookies: jar };
}
