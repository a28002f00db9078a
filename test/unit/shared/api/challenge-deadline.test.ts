import { describe, expect, it } from 'vitest';
import { challengeDeadline } from '../../../../shared/api/challenge-deadline.js';

const received = Date.parse('2026-01-01T12:00:00Z');

describe('challenge deadline', () => {
  it('counts expiresIn from arrival, whatever the server’s clock says', () => {
    // The server's clock is ten minutes ahead of this machine's.
    expect(challengeDeadline({ expiresAt: '2026-01-01T12:15:00Z', expiresIn: 300 }, received)).toBe(received + 300_000);
  });

  it('falls back to expiresAt from servers that send only that', () => {
    expect(challengeDeadline({ expiresAt: '2026-01-01T12:04:00Z' }, received)).toBe(received + 240_000);
  });

  it('never waits longer than the contract’s five minutes, nor for an unreadable time', () => {
    expect(challengeDeadline({ expiresAt: '2026-01-01T13:00:00Z' }, received)).toBe(received + 300_000);
    expect(challengeDeadline({ expiresAt: 'soon' }, received)).toBe(received + 300_000);
    expect(challengeDeadline({ expiresAt: 'x', expiresIn: 86_400 }, received)).toBe(received + 300_000);
  });
});
