import type { FastifyRequest } from 'fastify';
import type { Context } from '../context.js';
import type { SessionRow } from '../store/sessions.js';
import type { UserRow } from '../store/users.js';
import { cookieSessionToken } from '../pages/cookie-session.js';
import { ApiError } from './api-error.js';

export interface Authenticated {
  readonly session: SessionRow;
  readonly user: UserRow;
}

/** What a route accepts: a full session, an admin's, or also an enrollment session (add and confirm only). */
export type Access = 'full' | 'admin' | 'enrollment';

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

export function bearerToken(request: FastifyRequest): string | undefined {
  return BEARER.exec(request.headers.authorization ?? '')?.[1];
}

export function authenticate(ctx: Context, request: FastifyRequest, access: Access): Authenticated {
  const token = bearerToken(request) ?? cookieSessionToken(request);
  const session = token === undefined ? undefined : ctx.sessions.find(token, ctx.clock.now());
  const user = session && ctx.users.byId(session.userId);
  if (session === undefined || user === undefined || user.disabled) {
    throw new ApiError('unauthorized', 'Your session has ended. Sign in again.');
  }
  if (session.kind === 'enrollment' && access !== 'enrollment') {
    throw new ApiError('forbidden', 'This session may only set up an authenticator.');
  }
  if (access === 'admin' && !user.isAdmin) throw new ApiError('forbidden', 'Only administrators may do this.');
  return { session, user };
}
