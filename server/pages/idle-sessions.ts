/**
 * Idle expiry for browser sessions: a cookie session unused for longer than the idle limit ends,
 * whatever its absolute expiry. Kept in memory, keyed by the token's hash: a restarted server has
 * forgotten every browser session's activity, so those people sign in again (the safe side).
 */
export const DEFAULT_IDLE_MS = 30 * 60_000;

/** Above this many entries, a touch also sweeps the stale ones, so abandoned sessions do not pile up. */
const SWEEP_ABOVE = 10_000;

export interface IdleSessions {
  /** Marks a session as used now; false (and forgotten) when it had been idle too long or was never seen. */
  use(tokenHash: string, now: number): boolean;
  /** A session just issued to a browser. */
  start(tokenHash: string, now: number): void;
  forget(tokenHash: string): void;
}

export function idleSessions(idleMs: number = DEFAULT_IDLE_MS): IdleSessions {
  const lastUsed = new Map<string, number>();
  const sweep = (now: number) => {
    for (const [hash, at] of lastUsed) if (now - at > idleMs) lastUsed.delete(hash);
  };
  return {
    use(tokenHash, now) {
      const at = lastUsed.get(tokenHash);
      if (at === undefined || now - at > idleMs) {
        lastUsed.delete(tokenHash);
        return false;
      }
      lastUsed.set(tokenHash, now);
      return true;
    },
    start(tokenHash, now) {
      if (lastUsed.size >= SWEEP_ABOVE) sweep(now);
      lastUsed.set(tokenHash, now);
    },
    forget(tokenHash) {
      lastUsed.delete(tokenHash);
    },
  };
}
