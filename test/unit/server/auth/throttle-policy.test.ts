import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../../server/config.js';
import {
  FRESH,
  accountFailure,
  addressFailure,
  lockingFailure,
  secondsLocked,
  slowingFailure,
  type ThrottleState,
} from '../../../../server/auth/throttle-policy.js';

const account = DEFAULT_CONFIG.throttle.account;
const address = DEFAULT_CONFIG.throttle.address;
const password = DEFAULT_CONFIG.throttle.password;
const username = DEFAULT_CONFIG.throttle.username;
const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

function failTimes(n: number, at = T0, start: ThrottleState = FRESH): ThrottleState {
  let s = start;
  for (let i = 0; i < n; i++) s = accountFailure(s, at, account);
  return s;
}

describe('account throttling', () => {
  it('lets two failures pass and locks for 60 s at the third', () => {
    expect(secondsLocked(failTimes(2), T0)).toBe(0);
    expect(secondsLocked(failTimes(3), T0)).toBe(60);
  });

  it('doubles the lock with each further failure up to the ceiling', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 20].map((n) => secondsLocked(failTimes(n), T0))).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it('counts the lock down with the clock and ends it', () => {
    const locked = failTimes(3);
    expect(secondsLocked(locked, T0 + 59_001)).toBe(1);
    expect(secondsLocked(locked, T0 + 60_000)).toBe(0);
  });

  it('keeps the run through a quiet day: the next failure locks for the next doubling', () => {
    const later = T0 + 25 * HOUR - 1;
    expect(secondsLocked(failTimes(1, later, failTimes(5)), later)).toBe(480);
  });

  it('forgets the run a day after the hour of its last failure, and starts again with the free failures', () => {
    // The hourly window began at T0; its last failure could have come at T0 + 59 minutes.
    const run = accountFailure(failTimes(5), T0 + 59 * 60_000, account);
    const later = T0 + 25 * HOUR;
    expect(secondsLocked(failTimes(2, later, run), later)).toBe(0);
    expect(secondsLocked(failTimes(3, later, run), later)).toBe(60);
  });

  it('never allows more failures per hour than the ceiling, even with locks turned down', () => {
    const lenient = { ...account, lockAfterFailures: 1_000, maxFailuresPerHour: 5 };
    let s = FRESH;
    for (let i = 0; i < 4; i++) s = accountFailure(s, T0 + i * 1000, lenient);
    expect(secondsLocked(s, T0 + 4000)).toBe(0);
    s = accountFailure(s, T0 + 4000, lenient);
    expect(secondsLocked(s, T0 + 4000)).toBe(3600 - 4);
  });
});

describe('address throttling', () => {
  it('locks an address for the rest of its window at the ceiling, then lets it go', () => {
    let s = FRESH;
    for (let i = 0; i < address.maxFailures - 1; i++) s = addressFailure(s, T0 + i, address);
    expect(secondsLocked(s, T0 + 100)).toBe(0);
    s = addressFailure(s, T0 + 100, address);
    expect(secondsLocked(s, T0 + 100)).toBe(address.windowSeconds);
    expect(secondsLocked(s, T0 + address.windowSeconds * 1000)).toBe(0);
  });

  it('forgets failures from an earlier window', () => {
    let s = FRESH;
    for (let i = 0; i < address.maxFailures - 1; i++) s = addressFailure(s, T0, address);
    s = addressFailure(s, T0 + address.windowSeconds * 1000, address);
    expect(s.windowFailures).toBe(1);
    expect(secondsLocked(s, T0 + address.windowSeconds * 1000)).toBe(0);
  });
});

describe('password throttling per (username, address)', () => {
  it('locks at the fifth consecutive failure and doubles up to the ceiling', () => {
    let s = FRESH;
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      s = lockingFailure(s, T0, password);
      locks.push(secondsLocked(s, T0));
    }
    expect(locks).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });
});

describe('password slowing per username across addresses', () => {
  it('never makes the username wait longer than the ceiling, however many failures', () => {
    let s = FRESH;
    const waits: number[] = [];
    for (let i = 0; i < 1000; i++) {
      s = slowingFailure(s, T0 + i, username);
      waits.push(secondsLocked(s, T0 + i));
    }
    expect(waits.slice(0, 18)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
    expect(Math.max(...waits)).toBe(username.maxDelaySeconds);
  });

  it('caps a wait stored under a longer ceiling at the ceiling now in force', () => {
    const stored: ThrottleState = { consecutiveFailures: 50, lockedUntil: T0 + 86_400_000, windowStart: T0, windowFailures: 50 };
    expect(secondsLocked(slowingFailure(stored, T0, username), T0)).toBe(username.maxDelaySeconds);
  });

  it('starts the free failures again in a new window', () => {
    let s = FRESH;
    for (let i = 0; i < 30; i++) s = slowingFailure(s, T0, username);
    s = slowingFailure(s, T0 + username.windowSeconds * 1000, username);
    expect(s.windowFailures).toBe(1);
    expect(secondsLocked(s, T0 + username.windowSeconds * 1000)).toBe(0);
  });
});
