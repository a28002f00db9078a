import { describe, expect, it } from 'vitest';
import { EXPIRY, LOCK_OUT } from '../../../../renderer/app/use-countdown-announcement.js';
import { secondsUntil } from '../../../../renderer/app/use-seconds-left.js';

describe('secondsUntil', () => {
  it('counts whole seconds up, to 0 once the deadline has passed', () => {
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(10_000, 1)).toBe(10);
    expect(secondsUntil(10_000, 9_001)).toBe(1);
    expect(secondsUntil(10_000, 10_000)).toBe(0);
    expect(secondsUntil(10_000, 20_000)).toBe(0);
    expect(secondsUntil(null, 0)).toBe(0);
  });
});

describe('when countdowns are said', () => {
  it('a lock-out: at the start, each whole minute, at 30 and 10 seconds and at the end; not every second', () => {
    const said = Array.from({ length: 181 }, (_, s) => s).filter((s) => LOCK_OUT.at(s));
    expect(said).toEqual([0, 10, 30, 60, 120, 180]);
    expect(LOCK_OUT.atStart).toBe(true);
  });

  it('a challenge’s expiry: only a minute before it ends', () => {
    expect(Array.from({ length: 301 }, (_, s) => s).filter((s) => EXPIRY.at(s))).toEqual([60]);
    expect(EXPIRY.atStart).toBe(false);
  });
});
