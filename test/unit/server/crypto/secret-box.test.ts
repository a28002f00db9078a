import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../../../server/crypto/secret-box.js';

const key = randomBytes(32);
const secret = Buffer.from('12345678901234567890');

describe('secret box', () => {
  it('opens what it sealed with the same key and additional data', () => {
    expect(open(key, seal(key, secret, 'user-1/auth-1'), 'user-1/auth-1').equals(secret)).toBe(true);
  });

  it('never produces the same ciphertext twice and never contains the plaintext', () => {
    const a = seal(key, secret, 'x');
    const b = seal(key, secret, 'x');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(secret)).toBe(false);
  });

  it('refuses a ciphertext moved to another row', () => {
    expect(() => open(key, seal(key, secret, 'user-1/auth-1'), 'user-2/auth-1')).toThrow();
  });

  it('refuses another key and any flipped bit', () => {
    const sealed = seal(key, secret, 'x');
    expect(() => open(randomBytes(32), sealed, 'x')).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => open(key, tampered, 'x')).toThrow();
  });
});
