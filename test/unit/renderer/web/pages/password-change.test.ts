import { describe, expect, it } from 'vitest';
import { checkPasswordChange, NEW_PASSWORD_MIN, passwordChangeRefusal, problemField } from '../../../../../renderer/web/pages/password-change.js';

const NOW = 1_700_000_000_000;

describe('checkPasswordChange', () => {
  it('names the first field to fix, in the order of the form', () => {
    expect(checkPasswordChange('', 'short', 'other')).toEqual({ kind: 'currentMissing' });
    expect(checkPasswordChange('old', 'x'.repeat(NEW_PASSWORD_MIN - 1), 'x'.repeat(NEW_PASSWORD_MIN - 1))).toEqual({ kind: 'newTooShort' });
    expect(checkPasswordChange('old', 'a-new-password', 'a-new-passwort')).toEqual({ kind: 'mismatch' });
    expect(checkPasswordChange('old', 'a-new-password', 'a-new-password')).toBeNull();
  });

  it('takes the new password as typed: spaces count, and nothing is trimmed', () => {
    expect(NEW_PASSWORD_MIN).toBe(8);
    expect(checkPasswordChange('old', '        ', '        ')).toBeNull();
    expect(checkPasswordChange('old', 'a-new-password ', 'a-new-password')).toEqual({ kind: 'mismatch' });
  });
});

describe('passwordChangeRefusal', () => {
  it('words a wrong current password, and a new one the server refused, at their fields', () => {
    const wrong = passwordChangeRefusal({ kind: 'api', status: 401, code: 'invalid_credentials' }, NOW);
    expect(wrong).toEqual({ kind: 'wrongCurrent' });
    expect(problemField(wrong)).toBe('current');
    const refused = passwordChangeRefusal({ kind: 'api', status: 400, code: 'invalid_request', fields: { newPassword: 'must be at least 8 characters' } }, NOW);
    expect(refused).toEqual({ kind: 'refused', field: 'new', reason: { kind: 'tooShort', min: 8 } });
    expect(problemField(refused)).toBe('new');
  });

  it('counts a lock-out down from when it arrived, and says anything else as every page does', () => {
    const locked = passwordChangeRefusal({ kind: 'api', status: 429, code: 'too_many_attempts', retryAfter: 90 }, NOW);
    expect(locked).toEqual({ kind: 'other', problem: { kind: 'locked', retryAt: NOW + 90_000, reason: null } });
    expect(problemField(locked)).toBeNull();
    expect(passwordChangeRefusal({ kind: 'network' }, NOW)).toEqual({ kind: 'other', problem: { kind: 'unreachable' } });
    expect(passwordChangeRefusal({ kind: 'api', status: 401, code: 'unauthorized' }, NOW)).toEqual({ kind: 'other', problem: { kind: 'sessionEnded' } });
    expect(passwordChangeRefusal({ kind: 'api', status: 400, code: 'invalid_request', fields: { body: 'is required' } }, NOW)).toEqual({
      kind: 'other',
      problem: { kind: 'invalidRequest' },
    });
  });
});
