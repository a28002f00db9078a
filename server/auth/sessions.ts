import type { Session, User } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import type { SessionKind } from '../store/sessions.js';
import type { UserRow } from '../store/users.js';

export const publicUser = (u: UserRow): User => ({ id: u.id, username: u.username, displayName: u.displayName, isAdmin: u.isAdmin });

export function issueSession(ctx: Context, user: UserRow, kind: SessionKind): Session {
  const now = ctx.clock.now();
  const ttl = kind === 'full' ? ctx.config.sessions.ttlSeconds : ctx.config.sessions.enrollmentTtlSeconds;
  const { token, expiresAt } = ctx.sessions.create(user.id, kind, now, ttl);
  return { token, expiresAt: isoTime(expiresAt), user: publicUser(user) };
}

/** Ends every session and pending challenge of a user, except optionally the caller's own session. */
export function endUserSessions(ctx: Context, userId: string, keepTokenHash?: string): void {
  ctx.db.transaction(() => {
    ctx.sessions.deleteForUser(userId, keepTokenHash);
    ctx.challenges.deleteForUser(userId);
  })();
}
