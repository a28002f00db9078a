import { describe, expect, it } from 'vitest';
import { isCompleteCode, normaliseCode, normaliseRecoveryCode } from '../../../../shared/code/normalise-code.js';

describe('normaliseCode', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['123\n456', '123456'],
    ['123\r\n456\n', '123456'],
    ['\t123 – 456 ', '123456'],
    ['12a3b4c56', '123456'],
    ['code: 123456.', '123456'],
    ['1234567890', '123456'],
    ['', ''],
    ['abc', ''],
    ['12 34', '1234'],
  ])('%j becomes %j', (raw, expected) => {
    expect(normaliseCode(raw)).toBe(expected);
  });

  it('caps at the challenge length', () => {
    expect(normaliseCode('12345678', 8)).toBe('12345678');
    expect(normaliseCode('123456789', 8)).toBe('12345678');
  });

  it('does not accept non-ASCII digits', () => {
    expect(normaliseCode('١٢٣٤٥٦')).toBe('');
  });
});

describe('isCompleteCode', () => {
  it('wants exactly the number of digits', () => {
    expect(isCompleteCode('123456')).toBe(true);
    expect(isCompleteCode('12345')).toBe(false);
    expect(isCompleteCode('1234567')).toBe(false);
    expect(isCompleteCode('12345a')).toBe(false);
  });
});

describe('normaliseRecoveryCode', () => {
  it('trims and collapses whitespace, leaving the rest to the server', () => {
    expect(normaliseRecoveryCode('  abcd-efgh\n')).toBe('abcd-efgh');
    expect(normaliseRecoveryCode('abcd \n efgh')).toBe('abcd efgh');
  });
});
