import { describe, expect, it } from 'vitest';
import { isSendableToken, offeredTrustDays, trustedComputerName } from '../../../../electron/signin/trusted-computer.js';

describe('trustedComputerName', () => {
  it('names the system the way people call it, then the host name', () => {
    expect(trustedComputerName('win32', 'LAPTOP-42')).toBe('Windows - LAPTOP-42');
    expect(trustedComputerName('darwin', 'Adas-MacBook-Air.local')).toBe('macOS - Adas-MacBook-Air.local');
    expect(trustedComputerName('linux', 'build-07')).toBe('Linux - build-07');
    expect(trustedComputerName('freebsd', 'jail-3')).toBe('freebsd - jail-3');
  });

  it('is the system alone without a host name, and never carries control characters or outer spaces', () => {
    expect(trustedComputerName('linux', '')).toBe('Linux');
    expect(trustedComputerName('linux', ' \t\n ')).toBe('Linux');
    expect(trustedComputerName('win32', ' DESK\u0007TOP\u0000-1 \r\n')).toBe('Windows - DESKTOP-1');
  });

  it('keeps to 64 characters, without a space or half a character at the end', () => {
    const long = trustedComputerName('linux', 'h'.repeat(100));
    expect(long).toBe(`Linux - ${'h'.repeat(56)}`);
    expect(long).toHaveLength(64);
    // "Linux - " and 55 characters, then a space the cut would leave at the end.
    expect(trustedComputerName('linux', `${'h'.repeat(55)} tail`)).toBe(`Linux - ${'h'.repeat(55)}`);
    // An astral character is two UTF-16 units: one that does not fit whole is left out whole.
    const astral = trustedComputerName('darwin', `${'m'.repeat(55)}😀😀`);
    expect(astral).toBe(`macOS - ${'m'.repeat(55)}`);
    expect(astral.length).toBeLessThanOrEqual(64);
    expect(astral).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('offeredTrustDays', () => {
  it('offers the lower of policy’s days and the server’s, the server’s when policy names none', () => {
    expect(offeredTrustDays({ allowed: true, maxDays: null }, 30)).toBe(30);
    expect(offeredTrustDays({ allowed: true, maxDays: 7 }, 30)).toBe(7);
    expect(offeredTrustDays({ allowed: true, maxDays: 90 }, 30)).toBe(30);
  });

  it('offers nothing when the server has it off or policy (or the keychain) does not allow it', () => {
    expect(offeredTrustDays({ allowed: true, maxDays: null }, 0)).toBeNull();
    expect(offeredTrustDays({ allowed: true, maxDays: 7 }, 0)).toBeNull();
    expect(offeredTrustDays({ allowed: false, maxDays: null }, 30)).toBeNull();
  });
});

describe('isSendableToken', () => {
  it('accepts what the server accepts in trustedComputerToken, and nothing that would fail the sign-in', () => {
    expect(isSendableToken(`tc_${'A'.repeat(43)}`)).toBe(true);
    expect(isSendableToken('a'.repeat(200))).toBe(true);
    for (const bad of ['', 'a'.repeat(201), 'tc_abc def', 'tc_abc\n', 'tc_åäö', 'tc_a+b/c=']) expect(isSendableToken(bad), JSON.stringify(bad)).toBe(false);
  });
});
