/**
 * A browser's trusted computer: in the pages' cookie mode its token never reaches the page's script. The
 * code's answer hands it to the HttpOnly `stepgate_trusted` cookie instead of the body (left as ""), the
 * password sign-in reads it from there, GET /me uses it to mark "this computer", and the cookie is cleared
 * when the server refused it (the sign-in asked for a code after all) or the browser's own change ended it.
 */
import type { FastifyReply, FastifyRequest, onSendAsyncHookHandler } from 'fastify';
import { TRUSTED_COMPUTER_TOKEN_PATTERN } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { acceptTrustedComputerCookie, isTrustedComputerCookieEnded, trustedComputerCookieToken } from '../http/request-session.js';
import { TRUSTED_COOKIE, trustedCookieAttributes, type CookiePolicy } from './cookie-policy.js';
import { isCookieRequest, sendCookie, type CookieJar } from './cookie-session.js';
import { isRecord, parseObject } from './session-in-body.js';

const api = (path: string) => `/api/v1${path}`;
const LOGIN_ROUTE = api('/auth/login');
/** Routes whose answer may carry a new trusted computer's token. */
const TRUSTING_ROUTES: ReadonlySet<string> = new Set([api('/auth/totp'), api('/auth/recovery')]);
const TRUST_AFTER_CODE_ROUTE = api('/me/trusted-computers');
/** Routes whose change may end this browser's trusted computer (see trustedComputerCookieEnded). */
const ENDING_ROUTES: ReadonlySet<string> = new Set([TRUST_AFTER_CODE_ROUTE, api('/me/trusted-computers/:id'), api('/me/password')]);
export const TRUSTED_COOKIE_ROUTES: ReadonlySet<string> = new Set([LOGIN_ROUTE, ...TRUSTING_ROUTES, ...ENDING_ROUTES]);

// The token's own format, checked before it is looked up: a cookie is whatever the browser sends.
const TOKEN = new RegExp(TRUSTED_COMPUTER_TOKEN_PATTERN);

export interface TrustedCookies {
  /** On a cookie request: hands the browser's trusted-computer token (if well formed) to the routes. */
  arrive(request: FastifyRequest): void;
  /** On the answers of TRUSTED_COOKIE_ROUTES. */
  readonly answerWithCookie: onSendAsyncHookHandler;
}

export function trustedCookies(ctx: Context, policy: CookiePolicy, cookies: CookieJar): TrustedCookies {
  const attributes = trustedCookieAttributes(policy);
  const clear = (reply: FastifyReply) => sendCookie(reply, TRUSTED_COOKIE, '', { ...attributes, expires: new Date(0), maxAge: 0 });

  /** The new trust's token goes into the cookie, until the trust expires; the body keeps its shape with "". */
  const moveToken = (reply: FastifyReply, body: Record<string, unknown>): string | undefined => {
    const trusted = body['trustedComputer'];
    if (!isRecord(trusted)) return undefined;
    const moved = movedTrust(reply, trusted);
    return moved && JSON.stringify({ ...body, trustedComputer: moved });
  };
  /** The trust with its token moved into the cookie, or undefined when it carries none. */
  const movedTrust = (reply: FastifyReply, trusted: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (typeof trusted['token'] !== 'string' || trusted['token'] === '' || typeof trusted['expiresAt'] !== 'string') return undefined;
    const maxAge = Math.floor((Date.parse(trusted['expiresAt']) - ctx.clock.now()) / 1000);
    if (maxAge > 0) sendCookie(reply, TRUSTED_COOKIE, trusted['token'], { ...attributes, maxAge });
    return { ...trusted, token: '' };
  };

  return {
    arrive(request) {
      if (!isCookieRequest(request, policy, cookies)) return;
      const token = cookies(request)[TRUSTED_COOKIE];
      if (token !== undefined && TOKEN.test(token)) acceptTrustedComputerCookie(request, token);
    },

    async answerWithCookie(request, reply, payload) {
      if (!isCookieRequest(request, policy, cookies)) return payload;
      const url = request.routeOptions.url ?? '';
      // Trusting the computer after the code (POST /me/trusted-computers): its token goes into the cookie too.
      if (url === TRUST_AFTER_CODE_ROUTE && request.method === 'POST') {
        const trusted = reply.statusCode === 201 ? parseObject(payload) : undefined;
        const moved = trusted && movedTrust(reply, trusted);
        return moved === undefined ? payload : JSON.stringify(moved);
      }
      if (ENDING_ROUTES.has(url)) {
        if (reply.statusCode === 204 && isTrustedComputerCookieEnded(request)) clear(reply);
        return payload;
      }
      if (reply.statusCode !== 200) return payload;
      const body = parseObject(payload);
      if (body === undefined) return payload;
      if (TRUSTING_ROUTES.has(url)) return moveToken(reply, body) ?? payload;
      // The sign-in read the cookie (the body brought no token) and still asked for a code: the server no longer honours it.
      const sent = isRecord(request.body) ? request.body['trustedComputerToken'] : undefined;
      if (url === LOGIN_ROUTE && body['status'] === 'totp_required' && sent === undefined && trustedComputerCookieToken(request) !== undefined) clear(reply);
      return payload;
    },
  };
}
