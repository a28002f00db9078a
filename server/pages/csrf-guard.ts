/**
 * Every state-changing request made with the session cookie (or asking for one) must carry the
 * CSRF token; bearer requests are not sent by browsers on their own, so they need none.
 * GET /web/csrf hands a page its token, creating the secret cookie on first use.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, type Refusal } from '../refusal.js';
import { cookieAttributes, type CookiePolicy } from './cookie-policy.js';
import { isCookieRequest, type CookieJar } from './cookie-session.js';
import { CSRF_HEADER, type CsrfTokens } from './csrf-tokens.js';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_TOKEN_PATH = '/web/csrf';

/** The refusal for a cookie request that changes something without the right token; undefined when it may go on. */
export function csrfRefusal(request: FastifyRequest, policy: CookiePolicy, csrf: CsrfTokens, cookies: CookieJar): Refusal | undefined {
  if (SAFE_METHODS.has(request.method) || !isCookieRequest(request, policy, cookies)) return undefined;
  const header = request.headers[CSRF_HEADER];
  const token = typeof header === 'string' ? header : undefined;
  return csrf.verify(cookies(request)[policy.csrfName], token) ? undefined : forbidden('This page has expired. Reload it and try again.');
}

export function registerCsrfTokenRoute(app: FastifyInstance, policy: CookiePolicy, csrf: CsrfTokens, cookies: CookieJar): void {
  app.get(CSRF_TOKEN_PATH, async (request, reply) => {
    let secret = cookies(request)[policy.csrfName];
    if (secret === undefined || secret.length < 32) {
      secret = csrf.newSecret();
      void reply.setCookie(policy.csrfName, secret, cookieAttributes(policy));
    }
    void reply.header('cache-control', 'no-store');
    return { token: csrf.tokenFor(secret) };
  });
}
