import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { CODE_DIGITS, TOTP_PERIOD_SECONDS } from '../../shared/api/schemas.js';

/** RFC 4226 recommends 160 bits, the length of a SHA-1 output. */
export const SECRET_BYTES = 20;

export function newSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

export function base32(secret: Buffer): string {
  return new Secret({ buffer: toArrayBuffer(secret) }).base32;
}

export function timeStep(ms: number): number {
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

function totpFor(secret: Buffer, issuer = '', label = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: CODE_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: new Secret({ buffer: toArrayBuffer(secret) }),
  });
}

/**
 * The time step the code belongs to, searched `window` steps either side of now, or null.
 * The caller refuses a step at or before the authenticator's last accepted one (replay).
 */
export function matchStep(secret: Buffer, code: string, nowMs: number, window: number): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: nowMs, window });
  return delta === null ? null : timeStep(nowMs) + delta;
}

/** Key URI format: otpauth://totp/Issuer:username?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30 */
export function otpauthUri(secret: Buffer, issuer: string, username: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(username)}`;
  const params = new URLSearchParams({
    secret: base32(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(CODE_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}
