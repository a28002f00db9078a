import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../shared/ipc/problem.js';
import { duration, en } from '../../../../shared/messages/en.js';

describe('en.problem', () => {
  const now = 1_700_000_000_000;
  const every: readonly Problem[] = [
    { kind: 'invalidCredentials' },
    { kind: 'wrongCode', attemptsRemaining: 3 },
    { kind: 'challengeExpired' },
    { kind: 'locked', retryAt: now + 30_000 },
    { kind: 'sessionEnded' },
    { kind: 'forbidden' },
    { kind: 'notFound' },
    { kind: 'totpDisabled' },
    { kind: 'invalidRequest' },
    { kind: 'unreachable' },
    { kind: 'timeout' },
    { kind: 'tls' },
    { kind: 'unexpected' },
    { kind: 'serverError' },
    { kind: 'invalidServerAddress', reason: 'notHttps' },
  ];

  it('words every problem differently', () => {
    const texts = every.map((p) => en.problem(p, now));
    expect(new Set(texts).size).toBe(every.length);
    for (const text of texts) expect(text).toMatch(/\.$/);
  });

  it('says how many attempts remain after a wrong code', () => {
    expect(en.problem({ kind: 'wrongCode', attemptsRemaining: 1 }, now)).toContain('1 attempt left');
    expect(en.problem({ kind: 'wrongCode', attemptsRemaining: 4 }, now)).toContain('4 attempts left');
  });

  it('counts a lock-out down and then says what to do', () => {
    expect(en.problem({ kind: 'locked', retryAt: now + 61_000 }, now)).toContain('1 minute 1 second');
    expect(en.problem({ kind: 'locked', retryAt: now }, now)).toBe(en.code.lockedOver);
  });
});

describe('duration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [0.2, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [125, '2 minutes 5 seconds'],
  ])('%d s reads %j', (s, text) => {
    expect(duration(s)).toBe(text);
  });
});
