/**
 * Who may try again, and when. Four counts, each a throttle row:
 *
 * - `account:` the account's code and recovery-code failures. Only the right password reaches a code,
 *   so these lock the account (every address, the password step too). It is also the account's claim.
 *   No success lowers it: only a day without failures does.
 * - `password:` a username's wrong passwords from one client address: that pair locks, nothing else.
 * - `passwords:` a username's wrong passwords from every address together: they slow the username
 *   down (a short wait before the next password is checked), never lock it.
 * - `address:` a client address's failures across all accounts.
 *
 * The `password:` and `passwords:` rows of a username are read and written only by units holding its
 * account's claim, so they need no claim of their own (docs/store.md, rule 5).
 */
import type { Context } from '../context.js';
import { usernameKey, type ThrottleState } from '../store/rows.js';
import type { Tx, View } from '../store/store.js';
import { accountFailure, addressFailure, lockingFailure, pairSuccess, secondsLocked, slowingFailure } from './throttle-policy.js';

export const accountKey = (username: string): string => `account:${usernameKey(username)}`;
const addressKey = (address: string): string => `address:${address}`;
// JSON keeps the pair unambiguous: an IPv6 address has colons, and a username may hold almost anything.
const pairKey = (username: string, address: string): string => `password:${JSON.stringify([usernameKey(username), address])}`;
const passwordsKey = (username: string): string => `passwords:${usernameKey(username)}`;

/** An attempt's account and client address, claimed in that order by its unit, as they stood then. */
export interface Claimed {
  readonly username: string;
  readonly account: ThrottleState;
  readonly address: string;
  readonly addressState: ThrottleState;
}

/** A password attempt's counts besides: the (username, address) pair and the username across addresses. */
export interface ClaimedPassword extends Claimed {
  readonly pair: ThrottleState;
  readonly passwords: ThrottleState;
}

/** Claims the client address after the account (`account`, as the unit's claim of it returned). */
export async function claimAddress(tx: Tx, username: string, account: ThrottleState, address: string): Promise<Claimed> {
  return { username, account, address, addressState: await tx.throttle.claim(addressKey(address)) };
}

/** As `claimAddress`, and reads the username's password counts (under the account's claim, which guards them). */
export async function claimForPassword(tx: Tx, username: string, address: string): Promise<ClaimedPassword> {
  const claimed = await claimAddress(tx, username, await tx.throttle.claim(accountKey(username)), address);
  return { ...claimed, pair: await tx.throttle.read(pairKey(username, address)), passwords: await tx.throttle.read(passwordsKey(username)) };
}

/**
 * Seconds until a code may be tried (0: now): the account's lock and the address's. Checked before the
 * code, so a locked account gets `too_many_attempts` even for the right one.
 */
export function secondsUntilAllowed(ctx: Context, claimed: Claimed): number {
  const now = ctx.clock.now();
  return Math.max(secondsLocked(claimed.account, now), secondsLocked(claimed.addressState, now));
}

/** Seconds until a password may be tried: the code lock and the address, the pair's lock, the username's wait. */
export function secondsUntilPasswordAllowed(ctx: Context, claimed: ClaimedPassword): number {
  const now = ctx.clock.now();
  return Math.max(secondsUntilAllowed(ctx, claimed), secondsLocked(claimed.pair, now), secondsLocked(claimed.passwords, now));
}

/** The same from committed data, outside any unit: to answer early and spend no Argon2 on a locked account. */
export async function secondsUntilAllowedNow(ctx: Context, view: View, username: string, address: string): Promise<number> {
  const now = ctx.clock.now();
  const keys = [accountKey(username), addressKey(address)];
  return Math.max(...(await Promise.all(keys.map((key) => view.throttle.read(key)))).map((state) => secondsLocked(state, now)));
}

/** As `secondsUntilAllowedNow`, for a password. */
export async function secondsUntilPasswordAllowedNow(ctx: Context, view: View, username: string, address: string): Promise<number> {
  const now = ctx.clock.now();
  const keys = [accountKey(username), addressKey(address), pairKey(username, address), passwordsKey(username)];
  return Math.max(...(await Promise.all(keys.map((key) => view.throttle.read(key)))).map((state) => secondsLocked(state, now)));
}

const lockStarted = (before: ThrottleState, after: ThrottleState, now: number): number => (after.lockedUntil !== before.lockedUntil ? secondsLocked(after, now) : 0);

/** Counts a failure against the claimed address; the lock it started, in seconds. */
async function recordAddressFailure(ctx: Context, tx: Tx, claimed: Claimed): Promise<number> {
  const now = ctx.clock.now();
  const address = addressFailure(claimed.addressState, now, ctx.config.throttle.address);
  await tx.throttle.put(addressKey(claimed.address), address);
  const lock = lockStarted(claimed.addressState, address, now);
  if (lock > 0) await tx.audit.record({ event: 'address_locked', clientAddress: claimed.address, detail: { seconds: lock } });
  return lock;
}

/**
 * Counts a wrong password against the pair, the username and the address; the wait it started, in seconds.
 * `user`: the account, when the name is one; an unknown name may be a password typed into the wrong field
 * and is not written to the audit trail.
 */
export async function recordPasswordFailure(
  ctx: Context,
  tx: Tx,
  claimed: ClaimedPassword,
  user: { readonly id: string; readonly username: string } | undefined,
): Promise<number> {
  const now = ctx.clock.now();
  const policy = ctx.config.throttle;
  const pair = lockingFailure(claimed.pair, now, policy.password);
  const passwords = slowingFailure(claimed.passwords, now, policy.username);
  await tx.throttle.put(pairKey(claimed.username, claimed.address), pair);
  await tx.throttle.put(passwordsKey(claimed.username), passwords);
  const pairLock = lockStarted(claimed.pair, pair, now);
  if (pairLock > 0) {
    await tx.audit.record({ event: 'password_locked', userId: user?.id, username: user?.username, clientAddress: claimed.address, detail: { seconds: pairLock } });
  }
  return Math.max(pairLock, lockStarted(claimed.passwords, passwords, now), await recordAddressFailure(ctx, tx, claimed));
}

/** Counts a wrong code or recovery code against the account and the address; the lock it started, in seconds. */
export async function recordCodeFailure(ctx: Context, tx: Tx, claimed: Claimed, userId: string): Promise<number> {
  const now = ctx.clock.now();
  const account = accountFailure(claimed.account, now, ctx.config.throttle.account);
  await tx.throttle.put(accountKey(claimed.username), account);
  const accountLock = lockStarted(claimed.account, account, now);
  if (accountLock > 0) {
    await tx.audit.record({ event: 'account_locked', userId, username: claimed.username, clientAddress: claimed.address, detail: { seconds: accountLock } });
  }
  return Math.max(accountLock, await recordAddressFailure(ctx, tx, claimed));
}

/** The right password clears its pair's consecutive count; the username's count keeps its window. */
export async function recordPasswordSuccess(tx: Tx, claimed: ClaimedPassword): Promise<void> {
  if (claimed.pair.consecutiveFailures > 0) await tx.throttle.put(pairKey(claimed.username, claimed.address), pairSuccess(claimed.pair));
}

/**
 * A full sign-in through an identity provider claims its account too, as every attempt does, so it is
 * ordered among them. Like every success it changes no count: a sign-in of the owner gives back none of
 * the code guesses spent (docs/security.md, I19).
 */
export async function recordSsoSuccess(tx: Tx, username: string): Promise<void> {
  await tx.throttle.claim(accountKey(username));
}
