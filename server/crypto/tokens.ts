import { createHash, randomBytes } from 'node:crypto';

/** Unguessable identifier with a readable prefix (so a leaked token is recognisable by scanners). */
export function randomToken(prefix: string, bytes = 32): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export function randomId(prefix: string): string {
  return randomToken(prefix, 12);
}

/** Tokens and challenge ids are stored only as this hash; they have enough entropy that a fast hash suffices. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
