import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret } from 'otpauth';
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

/** RFC 4226 HOTP: HMAC-SHA-1 of the counter, dynamically truncated to CODE_DIGITS digits, as ASCII. */
function hotp(secret: Buffer, counter: number): Buffer {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** CODE_DIGITS;
  return Buffer.from(String(value).padStart(CODE_DIGITS, '0'), 'ascii');
}

/**
 * The time step the code belongs to, searched `window` steps either side of now (earliest first), or null.
 * The caller refuses a step at or before the authenticator's last accepted one (replay).
 *
 * RFC 6238 directly on node:crypto rather than through otpauth: this runs for every code a sign-in is
 * answered with, and otpauth's validator costs as much as the rest of the verification (objects and
 * copies of the secret per call, which also outlive the secret's own buffer until collected).
 */
export function matchStep(secret: Buffer, code: string, nowMs: number, window: number): number | null {
  const now = timeStep(nowMs);
  return firstMatch(secret, code, [[now - window, now + window]]);
}

/**
 * The step a code belongs to when it lies outside the accepting window but within `skewSteps` of now:
 * the code of an authenticator whose clock is off. Never accepted; it only lets the person be told.
 */
export function skewedStep(secret: Buffer, code: string, nowMs: number, window: number, skewSteps: number): number | null {
  if (skewSteps <= window) return null;
  const now = timeStep(nowMs);
  return firstMatch(secret, code, [
    [now - skewSteps, now - window - 1],
    [now + window + 1, now + skewSteps],
  ]);
}

function firstMatch(secret: Buffer, code: string, ranges: readonly (readonly [number, number])[]): number | null {
  const given = Buffer.from(code, 'ascii');
  if (given.length !== CODE_DIGITS) return null;
  let found: number | null = null;
  // Every step is checked, each in constant time: how long this takes says nothing about which one matched.
  for (const [from, to] of ranges) {
    for (let step = Math.max(0, from); step <= to; step += 1) {
      if (timingSafeEqual(hotp(secret, step), given) && found === null) found = step;
    }
  }
  return found;
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
