/**
 * WAL checkpoints off the request path. A checkpoint copies the WAL's pages into the database file and
 * syncs it: done on the connection that commits (SQLite's default), it stalls every request behind that
 * commit for as long as the copy takes. Here a worker thread with its own connection runs a PASSIVE
 * checkpoint on a timer: it copies what it can without taking any lock a writer or reader waits for.
 *
 * SQLite starts the WAL over when a write transaction begins with every frame of it already copied. Under
 * a steady write load that moment never comes (there are always a few new frames), so once the WAL has
 * grown past a limit without the worker catching up, it asks for a quiet moment: the writer finishes its
 * batch and opens no new one (requests go on; writes queue), the worker copies the last frames, and the
 * next batch starts the WAL from its beginning. The pause lasts as long as copying what the last pass missed.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_INTERVAL_MS = 500;
/** WAL frames (pages) beyond which the writer makes way for the worker to catch up: 64 MiB of 4 KiB pages. */
export const RESTART_FRAMES = 16_384;
/** The longest the writer waits for the worker during a quiet moment. */
const QUIET_TIMEOUT_MS = 2_000;

/** What a checkpoint pass found: frames in the WAL, and how many of them are in the database file now. */
export interface CheckpointPass {
  readonly log: number;
  readonly checkpointed: number;
  /** Run on request, during a quiet moment, rather than on the worker's timer. */
  readonly requested: boolean;
}

/**
 * The worker's code, kept as source text so it runs the same from TypeScript (tests), from the built
 * bundle, and under any loader: it needs nothing but the SQLite module, whose path it is given. It runs
 * a pass on its timer and on request ({ now: id }), and reports each one, a requested one with its id.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const pass = (id) => {
  let result;
  try {
    result = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    // Busy (another checkpoint is running): the next tick tries again. Anything else is reported.
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
  if (result !== undefined || id !== undefined) {
    parentPort.postMessage({ log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0, requested: id !== undefined, id });
  }
};
const timer = setInterval(() => pass(undefined), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (typeof message === 'object' && message !== null && typeof message.now === 'number') pass(message.now);
  else if (message === 'stop') {
    clearInterval(timer);
    pass(undefined);
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpoints {
  /** A pass now, on the worker; resolves with what it found (undefined if the worker did not answer in time). */
  passNow(): Promise<CheckpointPass | undefined>;
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

export interface CheckpointOptions {
  /** Runs `pause` when no write transaction is open, opening none until it settles (GroupCommit.quiesce). */
  readonly quiesce: (pause: () => Promise<void>) => void;
  readonly onFailure: (error: unknown) => void;
  /** Each pass's result (for tests and diagnostics). */
  readonly onPass?: (pass: CheckpointPass) => void;
  readonly intervalMs?: number;
  readonly restartFrames?: number;
  /** How long passNow waits for the worker's answer (QUIET_TIMEOUT_MS). */
  readonly answerTimeoutMs?: number;
}

/** A pass as the worker reports it: with the id of the request it answers, if any. */
type PassMessage = CheckpointPass & { readonly id?: number };
const isPass = (message: unknown): message is PassMessage => typeof message === 'object' && message !== null && 'log' in message && 'checkpointed' in message;

export function startCheckpoints(path: string, options: CheckpointOptions): Checkpoints {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, path, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS } });
  const restartFrames = options.restartFrames ?? RESTART_FRAMES;
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fail = (error: unknown) => {
    if (stopping) return;
    stopping = true;
    options.onFailure(error);
  };
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`the checkpoint worker stopped (exit code ${code})`)));

  // Requests by id: an answer that comes after its request gave up must not answer a later one.
  const waitingForPass = new Map<number, (pass: CheckpointPass | undefined) => void>();
  let lastRequest = 0;
  const passNow = () =>
    new Promise<CheckpointPass | undefined>((resolve) => {
      const id = ++lastRequest;
      // A worker that does not answer holds nothing up for long.
      const timeout = setTimeout(() => answer(undefined), options.answerTimeoutMs ?? QUIET_TIMEOUT_MS);
      const answer = (pass: CheckpointPass | undefined) => {
        clearTimeout(timeout);
        waitingForPass.delete(id);
        resolve(pass);
      };
      waitingForPass.set(id, answer);
      worker.postMessage({ now: id });
    });
  let quietAsked = false;
  /** With the writer out of the way: one more pass, which then copies everything. */
  const quietPass = async () => {
    await passNow();
    quietAsked = false;
  };

  worker.on('message', (message) => {
    if (!isPass(message)) return;
    const { id, ...pass } = message;
    options.onPass?.(pass);
    if (id !== undefined) {
      waitingForPass.get(id)?.(pass);
      return;
    }
    // Caught up: the next write transaction starts the WAL over by itself.
    if (pass.checkpointed >= pass.log || pass.log <= restartFrames || quietAsked || stopping) return;
    quietAsked = true;
    options.quiesce(quietPass);
  });
  // The timer inside the worker keeps it alive; the server's own handles decide when the process ends.
  worker.unref();
  return {
    passNow,
    stop: async () => {
      // Held open until the worker has closed its connection: unreferenced, a process with nothing else
      // left to do (the server after its listener closed) would end here, before the worker's last pass
      // and before the store closes its own connections, leaving them to be freed at teardown.
      worker.ref();
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
