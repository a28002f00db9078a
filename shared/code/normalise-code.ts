/**
 * Turns whatever a person typed or pasted into the digits of a verification code.
 * Authenticator apps show "123 456", password managers paste "123-456" or add a line break;
 * all of that is dropped, as is any other non-digit, and the result is capped at the code length.
 */
export const DEFAULT_CODE_DIGITS = 6;

/** Separators people paste between code groups; stripped silently. */
const SEPARATORS = /[\s\u00a0\u2010-\u2015\u2212-]+/gu;
const NON_DIGITS = /[^0-9]+/g;

export function normaliseCode(raw: string, digits: number = DEFAULT_CODE_DIGITS): string {
  return raw.replace(SEPARATORS, '').replace(NON_DIGITS, '').slice(0, Math.max(0, digits));
}

export function isCompleteCode(code: string, digits: number = DEFAULT_CODE_DIGITS): boolean {
  return code.length === digits && /^[0-9]+$/.test(code);
}

/**
 * Recovery codes are letters and digits in groups; the server normalises case and separators,
 * so the client only trims and collapses what a paste may add.
 */
export function normaliseRecoveryCode(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, 64);
}
