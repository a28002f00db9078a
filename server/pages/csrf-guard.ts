/**
 * Every state-changing request made with the session cookie (or asking for one) must carry the
 * CSRF token; bearer requests are not sent by browsers on their own, so they need none.
 * GET /web/csrf hands a page its token, creating the secret cookie on first use.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/api-error.js';
import { cookieAttributes, type CookiePolicy } from './cookie-policy.js';
import { isCookieRequest } from './cookie-session.js';
import { CSRF_HEADER, type CsrfTokens } from './csrf-tokens.js';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_TOKEN_PATH = '/web/csrf';

export function registerCsrfGuard(app: FastifyInstance, policy: CookiePolicy, csrf: CsrfTokens): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method) || !isCookieRequest(request, policy)) return done();
    const header = request.headers[CSRF_HEADER];
    const token = typeof header === 'string' ? header : undefined;
    if (csrf.verify(request.cookies[policy.csrfName], token)) return done();
    done(new ApiError('forbidden', 'This page has expired. Reload it and try again.'));
  });

  app.get(CSRF_TOKEN_PATH, async (request, reply) => {
    let secret = request.cookies[policy.csrfName];
    if (secret === undefined || secret.length < 32) {
      secret = csrf.newSecret();
      void reply.setCookie(policy.csrfName, secret, cookieAttributes(policy));
    }
    void reply.header('cache-control', 'no-store');
    return { token: csrf.tokenFor(secret) };
  });
}
