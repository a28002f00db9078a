import { FRESH, type ThrottleState } from '../rows.js';
import type { Throttle } from '../store.js';
import type { Sql } from './sql.js';

const STATE = `consecutive_failures AS "consecutiveFailures", locked_until AS "lockedUntil", window_start AS "windowStart", window_failures AS "windowFailures"`;

/**
 * Persisted so that a restart does not lift a lock. Keys: `account:<username key>`, `address:<ip>`.
 * `onClaim` hears each key claimed, so a unit that must run again can queue for its keys first.
 */
export function postgresThrottle(db: Sql, onClaim: (key: string) => void = () => undefined): Throttle {
  return {
    read: async (key) => (await db.one<ThrottleState>(`SELECT ${STATE} FROM throttle WHERE key = $1`, [key])) ?? FRESH,
    // The per-account order across every server process on the database: the key's row, made if it is
    // missing, stays locked until the unit's transaction ends. One statement: the upsert waits for
    // whoever holds the row and locks it.
    claim: async (key) => {
      onClaim(key);
      return (
        (await db.one<ThrottleState>(
        `INSERT INTO throttle AS t (key, consecutive_failures, locked_until, window_start, window_failures) VALUES ($1, 0, 0, 0, 0)
         ON CONFLICT (key) DO UPDATE SET consecutive_failures = t.consecutive_failures
         RETURNING ${STATE}`,
          [key],
        )) ?? FRESH
      );
    },
    put: async (key, s) => {
      await db.changes(
        `INSERT INTO throttle (key, consecutive_failures, locked_until, window_start, window_failures) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE SET consecutive_failures = excluded.consecutive_failures, locked_until = excluded.locked_until,
           window_start = excluded.window_start, window_failures = excluded.window_failures`,
        [key, s.consecutiveFailures, s.lockedUntil, s.windowStart, s.windowFailures],
      );
    },
  };
}
