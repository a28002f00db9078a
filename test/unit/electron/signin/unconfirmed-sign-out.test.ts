import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../electron/api/api-result.js';
import {
  FIRST_RETRY_MS,
  LONGEST_RETRY_MS,
  nextRetry,
  retryDelayMs,
  retryFor,
  signOutAnswer,
  type SignOutRetry,
} from '../../../../electron/signin/unconfirmed-sign-out.js';
import { NOW } from './fixtures.js';

const signOut = { serverUrl: 'https://id.example.com', token: 'tok_secret', expiresAt: NOW + 12 * 3600_000 };
const sending: SignOutRetry = { kind: 'sending', signOut, failures: 0 };

describe('unconfirmed sign-out', () => {
  it('counts a 204 and a 401 (already gone) as over, and anything else as not confirmed', () => {
    expect(signOutAnswer(ok(null))).toBe('confirmed');
    expect(signOutAnswer(fail({ kind: 'api', code: 'unauthorized' }))).toBe('alreadyEnded');
    for (const failure of [
      { kind: 'unreachable' },
      { kind: 'timeout' },
      { kind: 'tls' },
      { kind: 'unexpected', detail: 'status 502 without an error body' },
      { kind: 'api', code: 'internal_error' },
      { kind: 'api', code: 'invalid_request' },
      { kind: 'api', code: 'too_many_attempts', retryAfter: 30 },
    ] as const) {
      expect(signOutAnswer(fail(failure)), failure.kind).toBe('notConfirmed');
    }
  });

  it('doubles the pause after each failure, up to ten minutes, and waits at least as long as the server asks', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, undefined))).toEqual([FIRST_RETRY_MS, 2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS]);
    expect(retryDelayMs(12, undefined)).toBe(LONGEST_RETRY_MS);
    expect(retryDelayMs(1_000, undefined)).toBe(LONGEST_RETRY_MS);
    expect(retryDelayMs(1, 120)).toBe(120_000);
  });

  it('waits after a failure, sends when the pause is over or the server is back, and ends when the server confirms', () => {
    const waiting = nextRetry(sending, { type: 'answered', result: fail({ kind: 'unreachable' }), now: NOW });
    expect(waiting).toEqual({ kind: 'waiting', signOut, failures: 1, retryAt: NOW + FIRST_RETRY_MS });
    expect(nextRetry(waiting, { type: 'due' })).toEqual({ kind: 'sending', signOut, failures: 1 });
    expect(nextRetry(waiting, { type: 'serverBack' })).toEqual({ kind: 'sending', signOut, failures: 1 });
    const again = nextRetry({ kind: 'sending', signOut, failures: 1 }, { type: 'answered', result: fail({ kind: 'timeout' }), now: NOW });
    expect(again).toMatchObject({ kind: 'waiting', failures: 2, retryAt: NOW + 2 * FIRST_RETRY_MS });
    expect(nextRetry({ kind: 'sending', signOut, failures: 2 }, { type: 'answered', result: ok(null), now: NOW })).toEqual({
      kind: 'over',
      signOut,
      how: 'confirmed',
    });
    expect(nextRetry(sending, { type: 'answered', result: fail({ kind: 'api', code: 'unauthorized' }), now: NOW })).toMatchObject({
      kind: 'over',
      how: 'alreadyEnded',
    });
  });

  it('ignores what does not fit: a pause ending while sending, an answer while waiting, anything once over', () => {
    const waiting = retryFor(signOut, NOW);
    expect(nextRetry(sending, { type: 'due' })).toBe(sending);
    expect(nextRetry(sending, { type: 'serverBack' })).toBe(sending);
    expect(nextRetry(waiting, { type: 'answered', result: ok(null), now: NOW })).toBe(waiting);
    const over: SignOutRetry = { kind: 'over', signOut, how: 'confirmed' };
    expect(nextRetry(over, { type: 'due' })).toBe(over);
    expect(nextRetry(over, { type: 'answered', result: fail({ kind: 'unreachable' }), now: NOW })).toBe(over);
  });

  it('gives up a sign-out whose session has ended by itself, with an hour for a clock that runs early', () => {
    expect(retryFor(signOut, NOW)).toEqual({ kind: 'waiting', signOut, failures: 0, retryAt: NOW });
    expect(retryFor(signOut, signOut.expiresAt + 59 * 60_000)).toMatchObject({ kind: 'waiting' });
    expect(retryFor(signOut, signOut.expiresAt + 60 * 60_000)).toEqual({ kind: 'over', signOut, how: 'expired' });
    expect(nextRetry(sending, { type: 'answered', result: fail({ kind: 'unreachable' }), now: signOut.expiresAt + 2 * 3600_000 })).toMatchObject({
      kind: 'over',
      how: 'expired',
    });
  });
});
