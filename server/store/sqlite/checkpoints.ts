/**
 * WAL checkpoints off the request path. A checkpoint copies the WAL's pages into the database file and
 * syncs it: done on the connection that commits (SQLite's default), it stalls every request behind that
 * commit for as long as the copy takes. Here a worker thread with its own connection runs a PASSIVE
 * checkpoint on a timer: it copies what no reader still needs, takes no lock a writer waits for, and the
 * writer starts the WAL over once everything in it has been copied, so the file stays bounded.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_INTERVAL_MS = 500;

/**
 * The worker's code, kept as source text so it runs the same from TypeScript (tests), from the built
 * bundle, and under any loader: it needs nothing but the SQLite module, whose path it is given.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy (another checkpoint is running): the next tick tries again. Anything else is reported.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpoints {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

export function startCheckpoints(path: string, onFailure: (error: unknown) => void, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // A small heap: the worker holds one connection and a timer.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs }, resourceLimits: { maxOldGenerationSizeMb: 16 } });
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fail = (error: unknown) => {
    if (stopping) return;
    stopping = true;
    onFailure(error);
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the checkpoint worker stopped (exit code ${code})`)));
  // The timer inside the worker keeps it alive; the server's own handles decide when the process ends.
  worker.unref();
  return {
    stop: async () => {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
