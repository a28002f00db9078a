/**
 * The session a request carries: a bearer token in its Authorization header, or (for the browser
 * pages) a cookie that the pages' hook has checked and handed over here. The HTTP layer reads both
 * from this one place; the pages write the second.
 */
import type { FastifyRequest } from 'fastify';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

const cookieTokens = new WeakMap<FastifyRequest, string>();

/** Called by the pages' hook for a cookie session still in use. */
export function acceptCookieSession(request: FastifyRequest, token: string): void {
  cookieTokens.set(request, token);
}

/** The session token from the browser's cookie, when the request has one still in use. */
export function cookieSessionToken(request: FastifyRequest): string | undefined {
  return cookieTokens.get(request);
}

const trustedTokens = new WeakMap<FastifyRequest, string>();

/** Called by the pages' hook for a cookie request that carries a trusted computer's cookie. */
export function acceptTrustedComputerCookie(request: FastifyRequest, token: string): void {
  trustedTokens.set(request, token);
}

/** The trusted computer's token from the browser's cookie, on the pages' cookie requests only (never beside a bearer token). */
export function trustedComputerCookieToken(request: FastifyRequest): string | undefined {
  return trustedTokens.get(request);
}

const endedTrusted = new WeakSet<FastifyRequest>();

/** Called by a route whose change ended the trusted computer named by the request's cookie: the cookie goes too. */
export function trustedComputerCookieEnded(request: FastifyRequest): void {
  if (trustedTokens.has(request)) endedTrusted.add(request);
}

export function isTrustedComputerCookieEnded(request: FastifyRequest): boolean {
  return endedTrusted.has(request);
}
