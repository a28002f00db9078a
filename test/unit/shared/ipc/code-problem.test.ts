import { describe, expect, it } from 'vitest';
import { challengeIsOver, problemForMethod, shownCodeProblem } from '../../../../shared/ipc/code-problem.js';
import type { Problem } from '../../../../shared/ipc/problem.js';

const wrong: Problem = { kind: 'wrongCode', attemptsRemaining: 4, reason: 'incorrect' };
const locked: Problem = { kind: 'locked', retryAt: 1_000, reason: 'clock_skew' };

describe('shownCodeProblem', () => {
  it.each([wrong, locked, { kind: 'locked', retryAt: 0, reason: null }, { kind: 'unreachable' }, null] as const)('an expired request replaces %j', (before) => {
    expect(shownCodeProblem(before, true)).toEqual({ kind: 'challengeExpired' });
  });

  it('before expiry, says what the flow says', () => {
    expect(shownCodeProblem(locked, false)).toBe(locked);
    expect(shownCodeProblem(null, false)).toBeNull();
  });
});

describe('problemForMethod', () => {
  it('words a refused recovery code as one; a phone-clock reason cannot apply to it', () => {
    expect(problemForMethod({ kind: 'wrongCode', attemptsRemaining: 2, reason: 'clock_skew' }, 'recovery_code')).toEqual({
      kind: 'wrongRecoveryCode',
      attemptsRemaining: 2,
      reason: 'incorrect',
    });
    expect(problemForMethod({ kind: 'wrongCode', attemptsRemaining: 2, reason: 'already_used' }, 'recovery_code')).toMatchObject({ reason: 'already_used' });
  });

  it('leaves codes from the app, and other problems, as they are', () => {
    expect(problemForMethod(wrong, 'totp')).toBe(wrong);
    expect(problemForMethod(locked, 'recovery_code')).toBe(locked);
  });
});

describe('challengeIsOver', () => {
  it('is over when expired or when either kind of code had the last attempt', () => {
    expect(challengeIsOver({ kind: 'challengeExpired' })).toBe(true);
    expect(challengeIsOver({ kind: 'wrongRecoveryCode', attemptsRemaining: 0, reason: 'incorrect' })).toBe(true);
    expect(challengeIsOver({ ...wrong, attemptsRemaining: 0 } as Problem)).toBe(true);
    expect(challengeIsOver(wrong)).toBe(false);
    expect(challengeIsOver(locked)).toBe(false);
    expect(challengeIsOver(null)).toBe(false);
  });
});
