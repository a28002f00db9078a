/**
 * Browser sessions: the same sessions as the API's bearer tokens, carried in an HttpOnly cookie.
 * `arrive` checks the cookie once per request that carries one (idle expiry included) and hands the
 * token to the HTTP layer's request session; `answerWithCookie` runs only on the routes that issue or
 * end a session, and moves the token between the answer's body and the cookie.
 *
 * A browser session's last use is kept in the store with the session, not in the process: behind a load
 * balancer each request may reach another process, and every one of them must see the same session.
 */
import type { SerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onSendAsyncHookHandler } from 'fastify';
import type { Context } from '../context.js';
import { hashToken } from '../crypto/tokens.js';
import { acceptCookieSession, bearerToken, cookieSessionToken } from '../http/request-session.js';
import { cookieAttributes, type CookiePolicy } from './cookie-policy.js';
import { takeSessionToken } from './session-in-body.js';

/** A browser session unused for this long ends, whatever its absolute expiry. */
export const DEFAULT_IDLE_MS = 30 * 60_000;

/** The header a page sends to ask that a session it is given be put in the cookie rather than the body. */
export const COOKIE_SESSION_HEADER = 'x-stepgate-session';

/** The request's cookies, parsed on first use (only requests that carry a Cookie header have any). */
export type CookieJar = (request: FastifyRequest) => Readonly<Record<string, string | undefined>>;

/** A request authenticated (or asking to be) by cookie rather than by bearer token. */
export function isCookieRequest(request: FastifyRequest, policy: CookiePolicy, cookies: CookieJar): boolean {
  if (request.headers.cookie === undefined && request.headers[COOKIE_SESSION_HEADER] === undefined) return false;
  if (bearerToken(request) !== undefined) return false;
  return cookies(request)[policy.sessionName] !== undefined || request.headers[COOKIE_SESSION_HEADER] === 'cookie';
}

/** Routes whose answer carries a new session. */
export const SESSION_ROUTES: ReadonlySet<string> = new Set(
  ['/auth/login', '/auth/totp', '/auth/recovery', '/auth/handoff/redeem', '/me/authenticators/:id/confirm'].map((path) => `/api/v1${path}`),
);
export const LOGOUT_ROUTE = '/api/v1/auth/logout';

export interface CookieSessions {
  /** On a request that carries the session cookie: accept it if still in use, else end it for good. */
  arrive(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** On the answers of SESSION_ROUTES and LOGOUT_ROUTE. */
  readonly answerWithCookie: onSendAsyncHookHandler;
  /** Puts a session issued outside the JSON routes (single sign-on's callback) into the browser's cookie. */
  readonly hand: HandSessionToBrowser;
}

export type HandSessionToBrowser = (request: FastifyRequest, reply: FastifyReply, token: string) => Promise<void>;

/**
 * Adds a Set-Cookie line to the answer itself. The cookie plugin's reply.setCookie writes its cookies in an
 * onSend hook of its own, which has already run when the session routes' onSend hooks move the token; a
 * cookie set through it there would never be sent.
 */
export function sendCookie(reply: FastifyReply, name: string, value: string, attributes: SerializeOptions): void {
  const line = reply.server.serializeCookie(name, value, attributes);
  const existing = reply.getHeader('set-cookie');
  const lines = existing === undefined ? [] : Array.isArray(existing) ? existing.map(String) : [String(existing)];
  void reply.header('set-cookie', [...lines, line]);
}

export function cookieSessions(ctx: Context, policy: CookiePolicy, idleMs: number, cookies: CookieJar): CookieSessions {
  const clear = (reply: FastifyReply) => sendCookie(reply, policy.sessionName, '', { ...cookieAttributes(policy), expires: new Date(0), maxAge: 0 });
  const hand: HandSessionToBrowser = async (request, reply, token) => {
    const previous = cookieSessionToken(request);
    await ctx.store.write(async (tx) => {
      // Signing in again in the same browser replaces the old session rather than leaving it alive.
      if (previous !== undefined && previous !== token) await tx.sessions.delete(hashToken(previous));
      await tx.sessions.holdInBrowser(hashToken(token), ctx.clock.now() + idleMs);
    });
    sendCookie(reply, policy.sessionName, token, cookieAttributes(policy));
  };

  return {
    hand,
    async arrive(request, reply) {
      const token = cookies(request)[policy.sessionName];
      if (token === undefined || bearerToken(request) !== undefined) return;
      const tokenHash = hashToken(token);
      const now = ctx.clock.now();
      const inUse = await ctx.store.write(async (tx) => {
        if (await tx.sessions.useInBrowser(tokenHash, now, now + idleMs)) return true;
        // Idle too long, expired, or never a browser's (a bearer token put in a cookie): end it for good
        // rather than let it be revived.
        await tx.sessions.delete(tokenHash);
        return false;
      });
      if (inUse) acceptCookieSession(request, token);
      else clear(reply);
    },

    async answerWithCookie(request, reply, payload) {
      if (!isCookieRequest(request, policy, cookies)) return payload;
      const previous = cookieSessionToken(request);
      if (request.routeOptions.url === LOGOUT_ROUTE) {
        if (reply.statusCode === 204 && previous !== undefined) clear(reply);
        return payload;
      }
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      const moved = takeSessionToken(payload);
      if (moved === undefined) return payload;
      await hand(request, reply, moved.token);
      return moved.body;
    },
  };
}
