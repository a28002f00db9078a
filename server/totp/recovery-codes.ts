import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed from paper. 31 symbols, 10 per code: ~49.5 bits. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const GROUP = 5;
const LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): readonly string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
  });
}

/** Accepts any case, spaces and dashes, so "abcde fghjk" matches "ABCDE-FGHJK". Null when it cannot be a code. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]+/g, '').toUpperCase();
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, GROUP)}-${compact.slice(GROUP)}`;
}
