import type { Context } from '../context.js';
import { usernameKey, type ThrottleState } from '../store/rows.js';
import type { Tx, View } from '../store/store.js';
import { accountFailure, accountSuccess, addressFailure, secondsLocked } from './throttle-policy.js';

export const accountKey = (username: string): string => `account:${usernameKey(username)}`;
const addressKey = (address: string): string => `address:${address}`;

/**
 * Seconds until the account and the client address may try again (0: now). Checked before any password
 * or code, so a locked account gets `too_many_attempts` even for the right answer. Inside a unit, the
 * account's state is the one `tx.throttle.claim` returned.
 */
export async function secondsUntilAllowed(ctx: Context, view: View, account: ThrottleState | string, address: string): Promise<number> {
  const now = ctx.clock.now();
  const accountState = typeof account === 'string' ? await view.throttle.read(accountKey(account)) : account;
  return Math.max(secondsLocked(accountState, now), secondsLocked(await view.throttle.read(addressKey(address)), now));
}

/**
 * Counts a failed password or code against the account (claimed by the caller's unit, `account` its
 * state then) and the address; returns the lock it started, in seconds.
 */
export async function recordFailure(
  ctx: Context,
  tx: Tx,
  subject: { readonly username: string; readonly userId?: string | undefined },
  account: ThrottleState,
  address: string,
): Promise<number> {
  const now = ctx.clock.now();
  const policy = ctx.config.throttle;
  const lockStarted = (before: ThrottleState, after: ThrottleState): number => (after.lockedUntil !== before.lockedUntil ? secondsLocked(after, now) : 0);

  const accountAfter = accountFailure(account, now, policy.account);
  await tx.throttle.put(accountKey(subject.username), accountAfter);
  // Claimed after the account, always in that order, so two units never wait on each other's claims.
  const addressBefore = await tx.throttle.claim(addressKey(address));
  const addressAfter = addressFailure(addressBefore, now, policy.address);
  await tx.throttle.put(addressKey(address), addressAfter);

  const accountLock = lockStarted(account, accountAfter);
  const addressLock = lockStarted(addressBefore, addressAfter);
  if (accountLock > 0) {
    await tx.audit.record({ event: 'account_locked', userId: subject.userId, username: subject.username, clientAddress: address, detail: { seconds: accountLock } });
  }
  if (addressLock > 0) await tx.audit.record({ event: 'address_locked', clientAddress: address, detail: { seconds: addressLock } });
  return Math.max(accountLock, addressLock);
}

/** A full sign-in clears the account's consecutive count (`account`: its claimed state). */
export async function recordSuccess(tx: Tx, username: string, account: ThrottleState): Promise<void> {
  await tx.throttle.put(accountKey(username), accountSuccess(account));
}
