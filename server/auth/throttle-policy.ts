import type { ThrottleConfig } from '../config.js';
import type { ThrottleState } from '../store/rows.js';

export { FRESH, type ThrottleState } from '../store/rows.js';

const HOUR_MS = 3600_000;

/** Whole seconds until the lock ends, rounded up; 0 when not locked. */
export function secondsLocked(state: ThrottleState, now: number): number {
  return state.lockedUntil > now ? Math.ceil((state.lockedUntil - now) / 1000) : 0;
}

/**
 * A failure that locks: the `lockAfterFailures`-th consecutive failure locks for baseLockSeconds and each
 * further one doubles the lock up to maxLockSeconds. A password failure from one client address on one
 * username (the pair is what locks, so a stranger locks only themselves).
 */
export function lockingFailure(state: ThrottleState, now: number, policy: ThrottleConfig['password']): ThrottleState {
  const consecutiveFailures = state.consecutiveFailures + 1;
  let lockedUntil = state.lockedUntil;
  if (consecutiveFailures >= policy.lockAfterFailures) {
    const doublings = consecutiveFailures - policy.lockAfterFailures;
    const seconds = Math.min(policy.baseLockSeconds * 2 ** Math.min(doublings, 30), policy.maxLockSeconds);
    lockedUntil = Math.max(lockedUntil, now + seconds * 1000);
  }
  return { ...state, consecutiveFailures, lockedUntil };
}

/**
 * A run of code failures is forgotten only once a whole day has passed without one: 24 hours after the
 * hourly window its last failure fell in (which began at most that failure's time) has ended. Nothing the
 * account's owner does forgets it sooner, so runs are at least a day apart and the budget is a run's.
 */
const RUN_FORGOTTEN_AFTER_MS = 24 * HOUR_MS;

/**
 * An account's failure (a code or a recovery code: only the right password gets that far): the run of
 * them locks as `lockingFailure` does, and is not ended by a success, only by a day without failures;
 * besides, no more than maxFailuresPerHour.
 */
export function accountFailure(state: ThrottleState, now: number, policy: ThrottleConfig['account']): ThrottleState {
  const forgotten = now - state.windowStart >= HOUR_MS + RUN_FORGOTTEN_AFTER_MS;
  const run = forgotten ? { ...state, consecutiveFailures: 0 } : state;
  const windowFresh = now - state.windowStart >= HOUR_MS;
  const windowStart = windowFresh ? now : state.windowStart;
  const windowFailures = (windowFresh ? 0 : state.windowFailures) + 1;
  const locked = lockingFailure(run, now, policy);
  const lockedUntil = windowFailures >= policy.maxFailuresPerHour ? Math.max(locked.lockedUntil, windowStart + HOUR_MS) : locked.lockedUntil;
  return { consecutiveFailures: locked.consecutiveFailures, lockedUntil, windowStart, windowFailures };
}

/**
 * A wrong password for a username, from any client address: never a lock. Within a window the first
 * freeFailures cost nothing; each further one makes the username wait before its next password is
 * checked, baseDelaySeconds doubling up to maxDelaySeconds, counted from this failure.
 */
export function slowingFailure(state: ThrottleState, now: number, policy: ThrottleConfig['username']): ThrottleState {
  const windowFresh = now - state.windowStart >= policy.windowSeconds * 1000;
  const windowStart = windowFresh ? now : state.windowStart;
  const windowFailures = (windowFresh ? 0 : state.windowFailures) + 1;
  const over = windowFailures - policy.freeFailures;
  const delaySeconds = over > 0 ? Math.min(policy.baseDelaySeconds * 2 ** Math.min(over - 1, 30), policy.maxDelaySeconds) : 0;
  // Never later than maxDelaySeconds from now, whatever was stored: a wait that cannot outgrow its ceiling.
  const lockedUntil = Math.min(Math.max(state.lockedUntil, now + delaySeconds * 1000), now + policy.maxDelaySeconds * 1000);
  return { consecutiveFailures: state.consecutiveFailures + 1, lockedUntil, windowStart, windowFailures };
}

/** The right password clears its (username, address) pair's consecutive count. */
export function pairSuccess(state: ThrottleState): ThrottleState {
  return { ...state, consecutiveFailures: 0 };
}

/** A client address's failure, across all accounts: a fixed window with a ceiling. */
export function addressFailure(state: ThrottleState, now: number, policy: ThrottleConfig['address']): ThrottleState {
  const windowMs = policy.windowSeconds * 1000;
  const windowFresh = now - state.windowStart >= windowMs;
  const windowStart = windowFresh ? now : state.windowStart;
  const windowFailures = (windowFresh ? 0 : state.windowFailures) + 1;
  const lockedUntil = windowFailures >= policy.maxFailures ? Math.max(state.lockedUntil, windowStart + windowMs) : state.lockedUntil;
  return { consecutiveFailures: state.consecutiveFailures + 1, lockedUntil, windowStart, windowFailures };
}
