/**
 * A code recognised ahead of its time (its authenticator's clock runs fast) is refused with the reason,
 * so it must never sign in when its time comes: whoever sent it, perhaps a guesser now told that it will
 * be right in a few minutes, could send it again then. Its step is remembered per authenticator until it
 * has left the accepting window, in a throttle row that only units holding the account's claim touch.
 * One step per authenticator: a later one replaces it (a fast phone sends each next code later still).
 */
import { TOTP_PERIOD_SECONDS } from '../../shared/api/schemas.js';
import type { Tx } from '../store/store.js';

const key = (authenticatorId: string): string => `ahead:${authenticatorId}`;

/** Holds `step` back for the authenticator; `window` steps after it the code could no longer be accepted anyway. */
export async function holdBack(tx: Tx, authenticatorId: string, step: number, window: number): Promise<void> {
  const until = (step + window + 1) * TOTP_PERIOD_SECONDS * 1000;
  // The throttle row's fields, read as: lockedUntil = until when it matters, windowStart = the step.
  await tx.throttle.put(key(authenticatorId), { consecutiveFailures: 0, lockedUntil: until, windowStart: step, windowFailures: 0 });
}

export async function isHeldBack(tx: Tx, authenticatorId: string, step: number, now: number): Promise<boolean> {
  const held = await tx.throttle.read(key(authenticatorId));
  return held.lockedUntil > now && held.windowStart === step;
}
