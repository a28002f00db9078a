import { describe, expect, it } from 'vitest';
import type { SsoMode } from '../../../../shared/api/schemas.js';
import { takesAWayAway } from '../../../../server/sso/sso-admin.js';
import { mustUseSso, ssoPermitted } from '../../../../server/sso/sso-policy.js';

const MODES: readonly SsoMode[] = ['allowed', 'required', 'off'];

describe('who must and who may use SSO', () => {
  it('refuses the password to accounts that require SSO, and to everyone but opted-out accounts when the environment requires it', () => {
    expect(MODES.map((m) => mustUseSso(m, false))).toEqual([false, true, false]);
    expect(MODES.map((m) => mustUseSso(m, true))).toEqual([true, true, false]);
  });

  it('lets every account but those set to off use SSO', () => {
    expect(MODES.map(ssoPermitted)).toEqual([true, true, false]);
  });
});

describe('which changes take a way of signing in away (and so end sessions)', () => {
  it.each([
    ['allowed', false, 'required', false, true],
    ['allowed', false, 'off', false, true],
    ['required', false, 'allowed', false, false],
    ['off', false, 'allowed', false, false],
    ['required', false, 'off', false, true],
    ['off', false, 'required', false, true],
    ['allowed', false, 'allowed', true, true],
    ['off', false, 'off', true, false],
    ['required', false, 'required', true, false],
    ['allowed', true, 'allowed', false, false],
  ] as const)('%s (required for all: %s) to %s (%s): %s', (before, allBefore, after, allAfter, expected) => {
    expect(takesAWayAway({ mode: before, requiredForAll: allBefore }, { mode: after, requiredForAll: allAfter })).toBe(expected);
  });
});
