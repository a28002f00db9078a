import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';
import { FRESH, type ThrottleState } from '../auth/throttle-policy.js';

/** Persisted so that a restart does not lift a lock. Keys: `account:<username key>`, `address:<ip>`. */
export function throttleStore(db: Db) {
  const get = sql(db, 
    `SELECT consecutive_failures AS consecutiveFailures, locked_until AS lockedUntil,
            window_start AS windowStart, window_failures AS windowFailures FROM throttle WHERE key = ?`,
  );
  const put = sql(db, 
    `INSERT INTO throttle (key, consecutive_failures, locked_until, window_start, window_failures)
     VALUES (@key, @consecutiveFailures, @lockedUntil, @windowStart, @windowFailures)
     ON CONFLICT(key) DO UPDATE SET consecutive_failures = excluded.consecutive_failures, locked_until = excluded.locked_until,
       window_start = excluded.window_start, window_failures = excluded.window_failures`,
  );
  const read = (key: string): ThrottleState => (get.get(key) as ThrottleState | undefined) ?? FRESH;
  return {
    read,
    /** Read, change and write; atomic because better-sqlite3 is synchronous, and the callers batch it into their transaction. */
    update: (key: string, change: (state: ThrottleState) => ThrottleState): ThrottleState => {
      const next = change(read(key));
      put.run({ key, ...next });
      return next;
    },
  };
}
export type ThrottleStore = ReturnType<typeof throttleStore>;
