import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from '../../../../server/totp/recovery-codes.js';

describe('recovery codes', () => {
  it('makes ten distinct codes of two groups of five unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  });

  it('accepts any case, spaces and dashes', () => {
    expect(normaliseRecoveryCode('abcde fghjk')).toBe('ABCDE-FGHJK');
    expect(normaliseRecoveryCode(' ABCDEFGHJK\n')).toBe('ABCDE-FGHJK');
    expect(normaliseRecoveryCode('ab-cde-fgh-jk')).toBe('ABCDE-FGHJK');
  });

  it('rejects what cannot be a code', () => {
    expect(normaliseRecoveryCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseRecoveryCode('ABCDE-FGHJI')).toBeNull();
    expect(normaliseRecoveryCode('')).toBeNull();
  });
});
