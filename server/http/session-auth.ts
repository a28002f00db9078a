import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import { hashToken } from '../crypto/tokens.js';
import { grant, sessionEnded, type Grant, type SessionAction } from '../auth/session-rules.js';
import { bearerToken, cookieSessionToken } from './request-session.js';

/** The request's session (bearer token, else the pages' cookie), held to the rule for `action`. */
export async function authenticate(ctx: Context, request: FastifyRequest, action: SessionAction): Promise<Grant> {
  const token = bearerToken(request) ?? cookieSessionToken(request);
  if (token === undefined) throw sessionEnded();
  return grant(ctx, hashToken(token), action);
}
