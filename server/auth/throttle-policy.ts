import type { ThrottleConfig } from '../config.js';
import type { ThrottleState } from '../store/rows.js';

export { FRESH, type ThrottleState } from '../store/rows.js';

const HOUR_MS = 3600_000;

/** Whole seconds until the lock ends, rounded up; 0 when not locked. */
export function secondsLocked(state: ThrottleState, now: number): number {
  return state.lockedUntil > now ? Math.ceil((state.lockedUntil - now) / 1000) : 0;
}

/**
 * An account's failure: the `lockAfterFailures`-th consecutive failure locks for baseLockSeconds and
 * each further one doubles the lock up to maxLockSeconds; besides, no more than maxFailuresPerHour.
 */
export function accountFailure(state: ThrottleState, now: number, policy: ThrottleConfig['account']): ThrottleState {
  const windowFresh = now - state.windowStart >= HOUR_MS;
  const windowStart = windowFresh ? now : state.windowStart;
  const windowFailures = (windowFresh ? 0 : state.windowFailures) + 1;
  const consecutiveFailures = state.consecutiveFailures + 1;
  let lockedUntil = state.lockedUntil;
  if (consecutiveFailures >= policy.lockAfterFailures) {
    const doublings = consecutiveFailures - policy.lockAfterFailures;
    const seconds = Math.min(policy.baseLockSeconds * 2 ** Math.min(doublings, 30), policy.maxLockSeconds);
    lockedUntil = Math.max(lockedUntil, now + seconds * 1000);
  }
  if (windowFailures >= policy.maxFailuresPerHour) lockedUntil = Math.max(lockedUntil, windowStart + HOUR_MS);
  return { consecutiveFailures, lockedUntil, windowStart, windowFailures };
}

/** A full sign-in clears the consecutive count; the hourly ceiling keeps counting. */
export function accountSuccess(state: ThrottleState): ThrottleState {
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
