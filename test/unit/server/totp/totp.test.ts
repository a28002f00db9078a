import { describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { base32, matchStep, newSecret, otpauthUri, SECRET_BYTES, timeStep } from '../../../../server/totp/totp.js';

const secret = Buffer.from('12345678901234567890');
const T = 1_234_567_890_000;
const codeAt = (ms: number) => new TOTP({ secret: Secret.fromBase32(base32(secret)) }).generate({ timestamp: ms });

describe('totp', () => {
  it('makes 160-bit secrets, never the same twice', () => {
    const a = newSecret();
    expect(a).toHaveLength(SECRET_BYTES);
    expect(a.equals(newSecret())).toBe(false);
  });

  it('finds the step a code belongs to within the window', () => {
    expect(matchStep(secret, codeAt(T), T, 1)).toBe(timeStep(T));
    expect(matchStep(secret, codeAt(T - 30_000), T, 1)).toBe(timeStep(T) - 1);
    expect(matchStep(secret, codeAt(T + 30_000), T, 1)).toBe(timeStep(T) + 1);
    expect(matchStep(secret, codeAt(T - 60_000), T, 1)).toBeNull();
    expect(matchStep(secret, codeAt(T - 60_000), T, 2)).toBe(timeStep(T) - 2);
    expect(matchStep(secret, codeAt(T - 30_000), T, 0)).toBeNull();
  });

  it('looks at no step before the first, however wide the window', () => {
    expect(matchStep(secret, codeAt(0), 10_000, 2)).toBe(0);
    expect(matchStep(secret, codeAt(30_000), 10_000, 2)).toBe(1);
  });

  it('refuses a code of another length without comparing it', () => {
    expect(matchStep(secret, codeAt(T).slice(1), T, 1)).toBeNull();
    expect(matchStep(secret, `${codeAt(T)}0`, T, 1)).toBeNull();
  });

  it('writes the Key URI format with percent-encoded label and issuer', () => {
    const uri = otpauthUri(secret, 'Acme Corp', 'jane doe@acme');
    expect(uri).toBe(
      `otpauth://totp/Acme%20Corp:jane%20doe%40acme?secret=${base32(secret)}&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30`,
    );
    expect(base32(secret)).toMatch(/^[A-Z2-7]{32}$/);
  });
});
