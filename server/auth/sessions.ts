import type { Session, User } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import type { Grant } from './session-rules.js';
import type { SessionKind } from '../store/sessions.js';
import type { UserRow } from '../store/users.js';

export const publicUser = (u: UserRow): User => ({ id: u.id, username: u.username, displayName: u.displayName, isAdmin: u.isAdmin });

/** Issued inside the write transaction that decided it, so nothing can revoke the grounds in between. */
export function issueSession(ctx: Context, user: UserRow, kind: SessionKind): Session {
  const now = ctx.clock.now();
  const ttl = kind === 'full' ? ctx.config.sessions.ttlSeconds : ctx.config.sessions.enrollmentTtlSeconds;
  const { token, expiresAt } = ctx.sessions.create(user.id, kind, now, ttl);
  return { token, expiresAt: isoTime(expiresAt), user: publicUser(user) };
}

/**
 * Ends every session and pending challenge of a user, except optionally the caller's own session.
 * Part of the caller's write transaction, beside the change that calls for it.
 */
export function endUserSessions(ctx: Context, userId: string, keepTokenHash?: string): void {
  ctx.sessions.deleteForUser(userId, keepTokenHash);
  ctx.challenges.deleteForUser(userId);
}

/** Ends the caller's own session, and only that one. */
export function logout(ctx: Context, access: Grant, address: string): void {
  ctx.write(() => {
    const { session, user } = access.recheck();
    ctx.sessions.delete(session.tokenHash);
    ctx.audit({ event: 'logout', userId: user.id, username: user.username, clientAddress: address });
  });
}
