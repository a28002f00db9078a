/**
 * The store for several server processes on one PostgreSQL database (docs/store.md).
 *
 * Every unit of work is a SERIALIZABLE transaction on a pooled connection: PostgreSQL guarantees that
 * the units that commit had the effect of running one at a time, which is what SQLite's single writer
 * gives the domain for free, so every check a unit makes ("the last authenticator", "no set yet", "the
 * session still exists") holds across processes as it does in one. A unit that loses a conflict (a
 * serialization failure or a deadlock) is rolled back and run again; only the last run counts, and
 * its caller hears back after its COMMIT has succeeded.
 *
 * Claims lock the key's throttle row (throttle.ts), so attempts on one account queue behind each other
 * across processes. Commits are grouped by PostgreSQL itself: one WAL flush covers every transaction
 * that commits while it runs.
 */
import pg from 'pg';
import type { Clock } from '../../clock.js';
import type { Store, Tx } from '../store.js';
import { postgresAudit } from './audit.js';
import { postgresAuthenticators } from './authenticators.js';
import { postgresChallenges } from './challenges.js';
import { migrate } from './migrate.js';
import { postgresRecoveryCodes } from './recovery-codes.js';
import { postgresSessions } from './sessions.js';
import { postgresSettings } from './settings.js';
import { postgresSso } from './sso.js';
import { postgresHandoffs } from './handoffs.js';
import { sqlOn, TYPES } from './sql.js';
import { postgresThrottle } from './throttle.js';
import { postgresTrustedComputers } from './trusted-computers.js';
import { postgresUsers } from './users.js';

/** Connections per server process: units waiting on a claim hold one each. */
const POOL_SIZE = 16;
/** A unit that keeps losing conflicts this often is a fault, not contention. */
const MAX_RUNS = 40;
const RETRYABLE = new Set(['40001', '40P01']);

export interface PostgresStoreOptions {
  /** A connection in the pool failed while idle (the database restarted, a network fault). */
  readonly onIdleError?: (error: Error) => void;
  readonly poolSize?: number;
}

/** Units hold what they decide on (`FOR SHARE`); reads lock nothing. */
type Mode = 'unit' | 'read';

function repositories(client: pg.ClientBase, clock: Clock, mode: Mode, claims: string[]): Tx {
  const db = sqlOn(client);
  const throttle = postgresThrottle(db, (key) => claims.push(key));
  const lock = mode === 'unit' ? ' FOR SHARE' : '';
  return {
    users: postgresUsers(db, lock),
    sessions: postgresSessions(db),
    challenges: postgresChallenges(db, throttle),
    authenticators: postgresAuthenticators(db),
    recoveryCodes: postgresRecoveryCodes(db),
    trustedComputers: postgresTrustedComputers(db, lock),
    settings: postgresSettings(db, lock),
    throttle,
    audit: postgresAudit(db, clock),
    sso: postgresSso(db),
    handoffs: postgresHandoffs(db),
  };
}

/** The URL without its password, for the operator. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

const isRetryable = (error: unknown): boolean => RETRYABLE.has((error as { code?: unknown }).code as string);
const backOff = (run: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** run, 50)));

export async function openPostgresStore(url: string, clock: Clock, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? POOL_SIZE, types: TYPES, application_name: 'stepgate' });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot open the PostgreSQL database ${displayUrl(url)}: ${(error as Error).message}`, { cause: error });
  }

  let busy = 0;
  let idleWaiters: (() => void)[] = [];
  const settle = () => {
    busy -= 1;
    if (busy > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  /**
   * `body` inside `begin` ... COMMIT on a connection of its own; a connection in an unknown state is not
   * reused. `queue`: keys to wait for before the transaction starts (see `write`); `claims` collects the
   * keys the body claims.
   */
  async function transaction<T>(kind: Mode, begin: string, body: (tx: Tx) => Promise<T>, queue: readonly string[] = [], claims: string[] = []): Promise<T> {
    const client = await pool.connect();
    let reusable = true;
    // An error the database answered with (it has a SQLSTATE) leaves the connection usable; a broken connection does not.
    const step = async (text: string, values?: readonly unknown[]) => {
      try {
        await client.query(text, values === undefined ? undefined : [...values]);
      } catch (error) {
        reusable &&= typeof (error as { code?: unknown }).code === 'string';
        throw error;
      }
    };
    try {
      for (const key of queue) await step('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      await step(begin);
      let result: T;
      try {
        result = await body(repositories(client, clock, kind, claims));
      } catch (error) {
        await step('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await step('COMMIT');
      return result;
    } finally {
      // A connection that might still hold a key goes, and its locks with it.
      if (queue.length > 0) await step('SELECT pg_advisory_unlock_all()').catch(() => (reusable = false));
      client.release(!reusable);
    }
  }

  return {
    location: displayUrl(url),
    async read(work) {
      busy += 1;
      try {
        return await transaction('read', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
      } finally {
        settle();
      }
    },
    // A unit that lost a conflict over a claimed key (units queued on one account's row all lose to the
    // first, whose snapshot they predate) runs again holding that key's advisory lock from before its
    // transaction starts: its snapshot then follows the previous holder's commit, and units that run
    // again queue for the account instead of colliding again.
    async write(unit) {
      busy += 1;
      let queue: readonly string[] = [];
      try {
        for (let run = 1; ; run += 1) {
          const claims: string[] = [];
          try {
            return await transaction('unit', 'BEGIN ISOLATION LEVEL SERIALIZABLE', unit, queue, claims);
          } catch (error) {
            if (!isRetryable(error) || run >= MAX_RUNS) throw error;
            queue = [...new Set([...queue, ...claims])];
            await backOff(run);
          }
        }
      } finally {
        settle();
      }
    },
    async close() {
      if (busy > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await pool.end();
    },
  };
}
