/**
 * Group commit on one synchronous connection. The first unit of work opens a write transaction; every
 * unit runs alone inside it, in a savepoint of its own, in the order units arrived, so each sees what
 * the units before it decided (an attempt sees the failure counted a moment earlier) before anything
 * is committed. The transaction commits once the event loop has nothing more for it (setImmediate:
 * what arrived in the same turn shares the commit), and only then does any unit's caller hear back.
 * If the commit fails, the whole batch is rolled back and every caller in it gets the error.
 */

/** The statements a batch needs, run synchronously on the writing connection. */
export interface TransactionControl {
  begin(): void;
  savepoint(): void;
  release(): void;
  rollbackToSavepoint(): void;
  commit(): void;
  rollback(): void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

interface Entry {
  readonly unit: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  outcome?: Outcome;
}

export interface GroupCommit {
  /** Runs `unit` in the current batch (opening one if none is open); settles after the batch's commit. */
  run<T>(unit: () => Promise<T>): Promise<T>;
  /**
   * Runs `pause` at the next moment no transaction is open, and opens none until it settles: units that
   * arrive meanwhile wait, the event loop does not. For work that needs the writer out of the way for a
   * moment (the WAL's restart, see checkpoints.ts).
   */
  quiesce(pause: () => Promise<void>): void;
  /** Settles once nothing is queued, running or waiting for its commit. */
  idle(): Promise<void>;
  /** Commits so far, and the units they carried. */
  readonly stats: { commits: number; units: number };
}

export function groupCommit(control: TransactionControl, schedule: (commit: () => void) => void = setImmediate): GroupCommit {
  const queue: Entry[] = [];
  let batch: Entry[] = [];
  let open = false;
  let running = false;
  let commitDue = false;
  let paused = false;
  const pauses: (() => Promise<void>)[] = [];
  let idleWaiters: (() => void)[] = [];
  const stats = { commits: 0, units: 0 };

  /** Between batches: a pause waiting for this moment takes it; otherwise, queued units go on. */
  const between = () => {
    if (running || open || paused) return;
    const pause = pauses.shift();
    if (pause !== undefined) {
      paused = true;
      void pause()
        .catch(() => undefined)
        .finally(() => {
          paused = false;
          between();
        });
      return;
    }
    if (queue.length > 0) {
      void drain();
      return;
    }
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  /** The transaction cannot go on: everything in it, and `also`, learns so. */
  const abandon = (error: unknown, also?: Entry) => {
    try {
      control.rollback();
    } catch {
      // Already rolled back by SQLite itself (a failed COMMIT on I/O error does that).
    }
    const failed = batch;
    batch = [];
    open = false;
    commitDue = false;
    for (const entry of failed) entry.reject(error);
    also?.reject(error);
  };

  const commit = () => {
    commitDue = false;
    if (!open) return;
    try {
      control.commit();
    } catch (error) {
      abandon(error);
      between();
      return;
    }
    const done = batch;
    batch = [];
    open = false;
    stats.commits += 1;
    stats.units += done.length;
    for (const entry of done) {
      const outcome = entry.outcome;
      if (outcome?.ok === true) entry.resolve(outcome.value);
      else entry.reject(outcome === undefined ? new Error('a unit of work ended without an outcome') : outcome.error);
    }
    between();
  };

  const runOne = async (entry: Entry) => {
    if (!open) {
      try {
        control.begin();
      } catch (error) {
        entry.reject(error);
        return;
      }
      open = true;
      schedule(() => {
        commitDue = true;
        // A unit still running (one that awaited more than its transaction) holds the commit back.
        if (!running) commit();
      });
    }
    try {
      control.savepoint();
    } catch (error) {
      abandon(error, entry);
      return;
    }
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: await entry.unit() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    try {
      if (outcome.ok) control.release();
      else {
        control.rollbackToSavepoint();
        control.release();
      }
    } catch (error) {
      abandon(error, entry);
      return;
    }
    entry.outcome = outcome;
    batch.push(entry);
  };

  const drain = async () => {
    running = true;
    try {
      // A pause asked for while a batch is open waits for its commit; units after it wait for the pause.
      for (let entry = queue.shift(); entry !== undefined; entry = open || pauses.length === 0 ? queue.shift() : undefined) await runOne(entry);
    } finally {
      running = false;
    }
    if (commitDue) commit();
    else between();
  };

  return {
    stats,
    run<T>(unit: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
        if (!running && !paused) {
          if (open || pauses.length === 0) void drain();
          else between();
        }
      });
    },
    quiesce(pause) {
      pauses.push(pause);
      between();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        between();
      });
    },
  };
}
