/**
 * Changing a password: by its owner (who proves the current one, counted like a sign-in's password),
 * by an administrator or by the operator. A new password ends every other session of the account, its
 * pending challenges and its trusted computers, in the unit that stores it: whoever knew the old one
 * keeps nothing it gave them.
 */
import type { ChangePasswordRequest } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { hashSecret, verifySecret } from '../crypto/passwords.js';
import { Refusal, tooManyAttempts } from '../refusal.js';
import type { UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { endTrustedComputers, type ChangedBy } from '../trusted/endings.js';
import { oneAtATime } from './per-account.js';
import type { Grant } from './session-rules.js';
import { endUserSessions } from './sessions.js';
import { claimForPassword, recordPasswordFailure, recordPasswordSuccess, secondsUntilPasswordAllowed, secondsUntilPasswordAllowedNow } from './throttle.js';

/** Part of the caller's unit: the new hash, and everything the old password gave ends with it. */
export async function replacePassword(
  tx: Tx,
  user: UserRow,
  passwordHash: string,
  by: ChangedBy,
  clientAddress: string | undefined,
  keepSessionTokenHash?: string,
): Promise<void> {
  await tx.users.setPasswordHash(user.id, passwordHash);
  await endUserSessions(tx, user.id, keepSessionTokenHash);
  await tx.audit.record({ event: 'password_changed', userId: user.id, username: user.username, clientAddress, detail: { ...by } });
  await endTrustedComputers(tx, user, 'password_changed', by, clientAddress);
}

type Outcome = { readonly kind: 'changed' } | { readonly kind: 'locked'; readonly wait: number } | { readonly kind: 'failed'; readonly lock: number };

const wrongPassword = (): Refusal => new Refusal('invalid_credentials', 'The current password is incorrect.');

/** POST /me/password: the calling session stays; a wrong current password counts as a wrong sign-in password from this address. */
export function changeOwnPassword(ctx: Context, access: Grant, request: ChangePasswordRequest, address: string): Promise<Refusal | undefined> {
  const known = access.user;
  return oneAtATime(known.username, async () => {
    const wait = await ctx.store.read((view) => secondsUntilPasswordAllowedNow(ctx, view, known.username, address));
    if (wait > 0) return tooManyAttempts(wait);
    const verified = await verifySecret(known.passwordHash, request.currentPassword);
    const newHash = verified ? await hashSecret(request.newPassword, ctx.config.argon2) : undefined;
    const outcome = await ctx.store.write(async (tx): Promise<Outcome> => {
      const { session, user } = await access.recheck(tx);
      const claimed = await claimForPassword(tx, user.username, address);
      const waitNow = secondsUntilPasswordAllowed(ctx, claimed);
      if (waitNow > 0) return { kind: 'locked', wait: waitNow };
      // The password verified must still be the account's: one changed in the Argon2 gap wins.
      if (newHash === undefined || user.passwordHash !== known.passwordHash) {
        await tx.audit.record({ event: 'password_change_failed', userId: user.id, username: user.username, clientAddress: address, detail: { reason: 'wrong_password' } });
        return { kind: 'failed', lock: await recordPasswordFailure(ctx, tx, claimed, user) };
      }
      await recordPasswordSuccess(tx, claimed);
      await replacePassword(tx, user, newHash, { by: 'user' }, address, session.tokenHash);
      return { kind: 'changed' };
    });
    switch (outcome.kind) {
      case 'changed':
        return undefined;
      case 'locked':
        return tooManyAttempts(outcome.wait);
      case 'failed':
        return outcome.lock > 0 ? tooManyAttempts(outcome.lock) : wrongPassword();
    }
  });
}
