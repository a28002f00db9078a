/**
 * Browser sessions: the same sessions as the API's bearer tokens, carried in an HttpOnly cookie.
 * An onRequest hook checks the cookie once per request (idle expiry included) and remembers the
 * token; session-auth asks `cookieSessionToken` when a request has no bearer header.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { hashToken } from '../crypto/tokens.js';
import { bearerToken } from '../http/session-auth.js';
import { cookieAttributes, type CookiePolicy } from './cookie-policy.js';
import type { IdleSessions } from './idle-sessions.js';
import { takeSessionToken } from './session-in-body.js';

/** The header a page sends to ask that a session it is given be put in the cookie rather than the body. */
export const COOKIE_SESSION_HEADER = 'x-stepgate-session';

const tokens = new WeakMap<FastifyRequest, string>();

/** The session token from the browser's cookie, when the request has one still in use. */
export function cookieSessionToken(request: FastifyRequest): string | undefined {
  return tokens.get(request);
}

/** A request authenticated (or asking to be) by cookie rather than by bearer token. */
export function isCookieRequest(request: FastifyRequest, policy: CookiePolicy): boolean {
  if (bearerToken(request) !== undefined) return false;
  return request.cookies[policy.sessionName] !== undefined || request.headers[COOKIE_SESSION_HEADER] === 'cookie';
}

/** Answers that carry a new session. */
const SESSION_ROUTES: ReadonlySet<string> = new Set(
  ['/auth/login', '/auth/totp', '/auth/recovery', '/me/authenticators/:id/confirm'].map((path) => `/api/v1${path}`),
);
const LOGOUT_ROUTE = '/api/v1/auth/logout';

/** Puts a session issued outside the JSON routes (single sign-on's callback) into the browser's cookie. */
export type HandSessionToBrowser = (request: FastifyRequest, reply: FastifyReply, token: string) => void;

export function registerCookieSessions(app: FastifyInstance, ctx: Context, policy: CookiePolicy, idle: IdleSessions): HandSessionToBrowser {
  const clear = (reply: FastifyReply) => reply.clearCookie(policy.sessionName, cookieAttributes(policy));
  const hand: HandSessionToBrowser = (request, reply, token) => {
    const previous = tokens.get(request);
    if (previous !== undefined && previous !== token) {
      // Signing in again in the same browser replaces the old session rather than leaving it alive.
      ctx.sessions.delete(hashToken(previous));
      idle.forget(hashToken(previous));
    }
    idle.start(hashToken(token), ctx.clock.now());
    void reply.setCookie(policy.sessionName, token, cookieAttributes(policy));
  };

  app.addHook('onRequest', (request, reply, done) => {
    const token = request.cookies[policy.sessionName];
    if (token === undefined || bearerToken(request) !== undefined) return done();
    const tokenHash = hashToken(token);
    if (idle.use(tokenHash, ctx.clock.now())) {
      tokens.set(request, token);
    } else {
      // Idle too long (or unknown here): end it for good rather than let it be revived.
      ctx.sessions.delete(tokenHash);
      clear(reply);
    }
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (!isCookieRequest(request, policy)) return done(null, payload);
    const route = request.routeOptions.url;
    const previous = tokens.get(request);
    if (route === LOGOUT_ROUTE && reply.statusCode === 204 && previous !== undefined) {
      idle.forget(hashToken(previous));
      clear(reply);
      return done(null, payload);
    }
    if (route === undefined || !SESSION_ROUTES.has(route) || reply.statusCode !== 200 || typeof payload !== 'string') {
      return done(null, payload);
    }
    const moved = takeSessionToken(payload);
    if (moved === undefined) return done(null, payload);
    hand(request, reply, moved.token);
    done(null, moved.body);
  });
  return hand;
}
