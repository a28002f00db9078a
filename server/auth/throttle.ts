import type { Context } from '../context.js';
import { usernameKey, type ThrottleState } from '../store/rows.js';
import type { Tx, View } from '../store/store.js';
import { accountFailure, accountSuccess, addressFailure, secondsLocked } from './throttle-policy.js';

export const accountKey = (username: string): string => `account:${usernameKey(username)}`;
const addressKey = (address: string): string => `address:${address}`;

/** An attempt's account and client address, claimed in that order by its unit, as they stood then. */
export interface Claimed {
  readonly username: string;
  readonly account: ThrottleState;
  readonly address: string;
  readonly addressState: ThrottleState;
}

/** Claims the client address after the account (`account`, as the unit's claim of it returned). */
export async function claimAddress(tx: Tx, username: string, account: ThrottleState, address: string): Promise<Claimed> {
  return { username, account, address, addressState: await tx.throttle.claim(addressKey(address)) };
}

/**
 * Seconds until the account and the client address may try again (0: now). Checked before any password
 * or code, so a locked account gets `too_many_attempts` even for the right answer.
 */
export function secondsUntilAllowed(ctx: Context, claimed: Claimed): number {
  const now = ctx.clock.now();
  return Math.max(secondsLocked(claimed.account, now), secondsLocked(claimed.addressState, now));
}

/** The same from committed data, outside any unit: to answer early and spend no Argon2 on a locked account. */
export async function secondsUntilAllowedNow(ctx: Context, view: View, username: string, address: string): Promise<number> {
  const now = ctx.clock.now();
  return Math.max(secondsLocked(await view.throttle.read(accountKey(username)), now), secondsLocked(await view.throttle.read(addressKey(address)), now));
}

/** Counts a failed password or code against the claimed account and address; returns the lock it started, in seconds. */
export async function recordFailure(ctx: Context, tx: Tx, claimed: Claimed, userId: string | undefined): Promise<number> {
  const now = ctx.clock.now();
  const policy = ctx.config.throttle;
  const lockStarted = (before: ThrottleState, after: ThrottleState): number => (after.lockedUntil !== before.lockedUntil ? secondsLocked(after, now) : 0);

  const account = accountFailure(claimed.account, now, policy.account);
  const address = addressFailure(claimed.addressState, now, policy.address);
  await tx.throttle.put(accountKey(claimed.username), account);
  await tx.throttle.put(addressKey(claimed.address), address);

  const accountLock = lockStarted(claimed.account, account);
  const addressLock = lockStarted(claimed.addressState, address);
  if (accountLock > 0) {
    await tx.audit.record({ event: 'account_locked', userId, username: claimed.username, clientAddress: claimed.address, detail: { seconds: accountLock } });
  }
  if (addressLock > 0) await tx.audit.record({ event: 'address_locked', clientAddress: claimed.address, detail: { seconds: addressLock } });
  return Math.max(accountLock, addressLock);
}

/** A full sign-in clears the account's consecutive count. */
export async function recordSuccess(tx: Tx, claimed: Claimed): Promise<void> {
  await tx.throttle.put(accountKey(claimed.username), accountSuccess(claimed.account));
}

/** A full sign-in through an identity provider clears the account's consecutive count too (claimed first, as every attempt is). */
export async function recordSsoSuccess(tx: Tx, username: string): Promise<void> {
  const key = accountKey(username);
  await tx.throttle.put(key, accountSuccess(await tx.throttle.claim(key)));
}
