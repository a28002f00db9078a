import { FRESH, type ThrottleState } from '../rows.js';
import type { Throttle } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

/** Persisted so that a restart does not lift a lock. Keys: `account:<username key>`, `address:<ip>`. */
export function sqliteThrottle(db: Db): Throttle {
  const get = sql(
    db,
    `SELECT consecutive_failures AS consecutiveFailures, locked_until AS lockedUntil,
            window_start AS windowStart, window_failures AS windowFailures FROM throttle WHERE key = ?`,
  );
  const put = sql(
    db,
    `INSERT INTO throttle (key, consecutive_failures, locked_until, window_start, window_failures)
     VALUES (@key, @consecutiveFailures, @lockedUntil, @windowStart, @windowFailures)
     ON CONFLICT(key) DO UPDATE SET consecutive_failures = excluded.consecutive_failures, locked_until = excluded.locked_until,
       window_start = excluded.window_start, window_failures = excluded.window_failures`,
  );
  const read = async (key: string): Promise<ThrottleState> => (get.get(key) as ThrottleState | undefined) ?? FRESH;
  return {
    read,
    // One writer and one unit at a time: every unit already holds whatever it reads until its batch commits.
    claim: read,
    put: async (key, state) => {
      put.run({ key, ...state });
    },
  };
}
