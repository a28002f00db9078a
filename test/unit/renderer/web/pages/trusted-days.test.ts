import { describe, expect, it } from 'vitest';
import { parseTrustedDays } from '../../../../../renderer/web/pages/trusted-days.js';

describe('parseTrustedDays', () => {
  it('takes whole days from 0 (off) to 365, spaces around them allowed', () => {
    expect(parseTrustedDays('0')).toBe(0);
    expect(parseTrustedDays(' 30 ')).toBe(30);
    expect(parseTrustedDays('365')).toBe(365);
    expect(parseTrustedDays('007')).toBe(7);
  });

  it('refuses what the server would refuse, and what is not a whole number', () => {
    for (const text of ['', ' ', '366', '1000', '-1', '1.5', '1e2', '3 0', '30 days', '٣٠']) expect(parseTrustedDays(text), text).toBeNull();
  });
});
