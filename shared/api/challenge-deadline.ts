import type { Challenge } from './schemas.js';

/** The contract's longest challenge, for a server that sent no usable expiry. */
const MAX_CHALLENGE_MS = 5 * 60_000;

/**
 * When a challenge ends, on this machine's clock. `expiresIn` counts from when the answer arrived,
 * so a desktop clock that is minutes off still shows the right countdown; `expiresAt` is the fallback.
 */
export function challengeDeadline(challenge: Pick<Challenge, 'expiresAt' | 'expiresIn'>, receivedAt: number): number {
  if (challenge.expiresIn !== undefined) return receivedAt + Math.min(challenge.expiresIn * 1000, MAX_CHALLENGE_MS);
  const at = Date.parse(challenge.expiresAt);
  return Number.isFinite(at) ? Math.min(at, receivedAt + MAX_CHALLENGE_MS) : receivedAt + MAX_CHALLENGE_MS;
}
