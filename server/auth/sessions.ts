import type { Session, User } from '../../shared/api/schemas.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import type { SessionKind, UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import type { Grant } from './session-rules.js';

export const publicUser = (u: UserRow): User => ({ id: u.id, username: u.username, displayName: u.displayName, isAdmin: u.isAdmin });

/**
 * Issued inside the unit of work that decided it, so nothing can revoke the grounds in between; the
 * token reaches nobody before that unit has committed.
 */
export async function issueSession(ctx: Context, tx: Tx, user: UserRow, kind: SessionKind, endsBy?: number): Promise<Session> {
  const now = ctx.clock.now();
  const kindTtl = kind === 'full' ? ctx.config.sessions.ttlSeconds : ctx.config.sessions.enrollmentTtlSeconds;
  // `endsBy`: a session made from another one (a hand-off) ends no later than it.
  const ttl = endsBy === undefined ? kindTtl : Math.min(kindTtl, Math.max(1, Math.floor((endsBy - now) / 1000)));
  const { token, expiresAt } = await tx.sessions.create(user.id, kind, now, ttl);
  return { token, expiresAt: isoTime(expiresAt), user: publicUser(user) };
}

/**
 * Ends every session and pending challenge of a user, except optionally the caller's own session.
 * Part of the caller's unit, beside the change that calls for it.
 */
export async function endUserSessions(tx: Tx, userId: string, keepTokenHash?: string): Promise<void> {
  await tx.sessions.deleteForUser(userId, keepTokenHash);
  await tx.challenges.deleteForUser(userId);
  // Also the kept session's: a hand-off never carries a sign-in across an ending to the browser.
  await tx.handoffs.deleteForUser(userId);
}

/** Ends the caller's own session, and only that one. */
export async function logout(ctx: Context, access: Grant, address: string): Promise<void> {
  await ctx.store.write(async (tx) => {
    const { session, user } = await access.recheck(tx);
    await tx.sessions.delete(session.tokenHash);
    await tx.audit.record({ event: 'logout', userId: user.id, username: user.username, clientAddress: address });
  });
}
