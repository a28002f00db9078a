import type { Context } from '../context.js';
import { tooManyAttempts } from '../http/api-error.js';
import { usernameKey } from '../store/users.js';
import { accountFailure, accountSuccess, addressFailure, secondsLocked, type ThrottleState } from './throttle-policy.js';

const accountKey = (username: string): string => `account:${usernameKey(username)}`;
const addressKey = (address: string): string => `address:${address}`;

/**
 * Refuses a locked account or client address before any password or code is checked,
 * so a locked account gets `too_many_attempts` even for the right answer.
 */
export function assertNotLocked(ctx: Context, username: string, address: string, attemptsRemaining?: number): void {
  const now = ctx.clock.now();
  const wait = Math.max(
    secondsLocked(ctx.throttle.read(accountKey(username)), now),
    secondsLocked(ctx.throttle.read(addressKey(address)), now),
  );
  if (wait > 0) throw tooManyAttempts(wait, attemptsRemaining);
}

/** Counts a failed password or code against the account and the address; returns the lock it started, in seconds. */
export function recordFailure(ctx: Context, subject: { readonly username: string; readonly userId?: string | undefined }, address: string): number {
  const now = ctx.clock.now();
  const { account, address: addressPolicy } = ctx.config.throttle;
  const lockStarted = (key: string, change: (s: ThrottleState) => ThrottleState): number => {
    let before = 0;
    const after = ctx.throttle.update(key, (s) => {
      before = s.lockedUntil;
      return change(s);
    });
    return after.lockedUntil !== before ? secondsLocked(after, now) : 0;
  };
  const accountLock = lockStarted(accountKey(subject.username), (s) => accountFailure(s, now, account));
  const addressLock = lockStarted(addressKey(address), (s) => addressFailure(s, now, addressPolicy));
  if (accountLock > 0) {
    ctx.audit({ event: 'account_locked', userId: subject.userId, username: subject.username, clientAddress: address, detail: { seconds: accountLock } });
  }
  if (addressLock > 0) ctx.audit({ event: 'address_locked', clientAddress: address, detail: { seconds: addressLock } });
  return Math.max(accountLock, addressLock);
}

export function recordSuccess(ctx: Context, username: string): void {
  ctx.throttle.update(accountKey(username), accountSuccess);
}
