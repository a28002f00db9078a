import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { hashToken } from '../crypto/tokens.js';
import { cookieSessionToken } from '../pages/cookie-session.js';
import { grant, sessionEnded, type Grant, type SessionAction } from '../auth/session-rules.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

/** The request's session (bearer token, else the pages' cookie), held to the rule for `action`. */
export function authenticate(ctx: Context, request: FastifyRequest, action: SessionAction): Grant {
  const token = bearerToken(request) ?? cookieSessionToken(request);
  if (token === undefined) throw sessionEnded();
  return grant(ctx, hashToken(token), action);
}
