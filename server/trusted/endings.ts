/**
 * Every way a user's trusted computers end together. Each is called inside the unit of work that makes
 * the change calling for it (a new password, a removed or revoked authenticator, a disable, "forget all",
 * the environment turning them off), so no trust outlives the change that ended it.
 */
import type { Tx } from '../store/store.js';

export type EndingReason = 'password_changed' | 'authenticator_removed' | 'totp_revoked' | 'user_disabled' | 'forget_all' | 'turned_off' | 'replaced';

/** Who made the change, for the audit trail. */
export type ChangedBy = { readonly by: 'user' } | { readonly by: 'admin'; readonly admin: string } | { readonly by: 'operator' };

interface Subject {
  readonly userId?: string | undefined;
  readonly username?: string | undefined;
  readonly clientAddress?: string | undefined;
}

/** Endings the person chose are audited even when nothing was there to end; the others only when something ended. */
const CHOSEN: ReadonlySet<EndingReason> = new Set(['forget_all', 'turned_off']);

export async function recordEnded(tx: Tx, subject: Subject, reason: EndingReason, count: number, by: ChangedBy): Promise<void> {
  if (count === 0 && !CHOSEN.has(reason)) return;
  await tx.audit.record({ event: 'trusted_computers_ended', ...subject, detail: { reason, count, ...by } });
}

/** Ends all of one user's trusted computers; how many ended. */
export async function endTrustedComputers(
  tx: Tx,
  user: { readonly id: string; readonly username: string },
  reason: Exclude<EndingReason, 'turned_off' | 'replaced'>,
  by: ChangedBy,
  clientAddress?: string,
): Promise<number> {
  const count = await tx.trustedComputers.deleteForUser(user.id);
  await recordEnded(tx, { userId: user.id, username: user.username, clientAddress }, reason, count, by);
  return count;
}
