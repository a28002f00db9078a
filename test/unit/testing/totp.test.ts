/**
 * The kit's verification codes: RFC 6238's SHA-1 test vector from a base32 key and from an
 * otpauth URI, keys as people copy them, refusals that say what is wrong, and the wait for an
 * unused time step on a clock the test moves.
 */
import { describe, expect, it } from 'vitest';
import { Authenticator, parseTotp, waitForNextTimeStep } from '../../../testing/totp.js';

// RFC 6238 appendix B: the ASCII key "12345678901234567890", here in base32; at 59 s the 8-digit code is 94287082.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A clock that only moves when the code under test sleeps. */
function movedClock(start: number) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
  };
}

describe('parseTotp', () => {
  it('computes the RFC 6238 code from a base32 key, as people copy it (spaces, lower case)', () => {
    const spaced = RFC_KEY.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(parseTotp(spaced).generate({ timestamp: 59_000 })).toBe('287082');
  });

  it('takes digits, period and algorithm from an otpauth URI', () => {
    const totp = parseTotp(`otpauth://totp/Stepgate:ada?secret=${RFC_KEY}&issuer=Stepgate&algorithm=SHA1&digits=8&period=30`);
    expect(totp.generate({ timestamp: 59_000 })).toBe('94287082');
  });

  it('refuses what is no TOTP key, saying what it expected', () => {
    expect(() => parseTotp('not a key!')).toThrow(/base32 key .* or an otpauth:\/\/ URI/);
    expect(() => parseTotp('')).toThrow(/base32 key/);
    expect(() => parseTotp(`otpauth://hotp/x?secret=${RFC_KEY}&counter=1`)).toThrow(/counter-based \(HOTP\)/);
    expect(() => parseTotp('otpauth://totp/x')).toThrow(/not a usable otpauth URI/);
  });
});

describe('Authenticator', () => {
  it('hands out the current code once, then waits for the next step for a new one', async () => {
    const clock = movedClock(10 * 30_000 + 12_000);
    const phone = new Authenticator(RFC_KEY, clock);
    const first = await phone.unusedCode();
    expect(first).toBe(phone.code(10 * 30_000));
    expect(clock.slept).toEqual([]);

    const second = await phone.unusedCode();
    // It slept until just past the start of step 11, and the code is step 11's.
    expect(phone.stepAt(clock.now())).toBe(11);
    expect(second).toBe(phone.code(11 * 30_000));
    expect(clock.slept).toHaveLength(1);
  });

  it('does not wait when the step has moved on by itself', async () => {
    const clock = movedClock(30_000);
    const phone = new Authenticator(RFC_KEY, clock);
    await phone.unusedCode();
    await clock.sleep(30_000);
    clock.slept.length = 0;
    await phone.unusedCode();
    expect(clock.slept).toEqual([]);
  });

  it('says how long until the next code', () => {
    const phone = new Authenticator(RFC_KEY, { now: () => 45_000 });
    expect(phone.msUntilNextStep()).toBe(15_000);
    expect(phone.period).toBe(30);
    expect(phone.digits).toBe(6);
  });
});

describe('waitForNextTimeStep', () => {
  it('resolves once a step after the given one has begun', async () => {
    const clock = movedClock(3 * 30_000 + 29_990);
    await waitForNextTimeStep({ now: clock.now, sleep: clock.sleep });
    expect(Math.floor(clock.now() / 30_000)).toBe(4);
  });

  it('resolves at once when that step has begun already', async () => {
    const clock = movedClock(5 * 30_000);
    await waitForNextTimeStep({ after: 3, now: clock.now, sleep: clock.sleep });
    expect(clock.slept).toEqual([]);
  });
});
