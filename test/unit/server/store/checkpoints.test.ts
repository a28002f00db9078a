/**
 * Background checkpoints on a real SQLite file: with checkpointing off on the writing connection, the WAL
 * only grows and the database file stays as it was; the worker copies the WAL into the database, after
 * which the writer starts the WAL over instead of making it longer, also under a load that never stops.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpoints, type CheckpointPass, type Checkpoints } from '../../../../server/store/sqlite/checkpoints.js';
import { transactionControl } from '../../../../server/store/sqlite/database.js';
import { groupCommit } from '../../../../server/store/sqlite/group-commit.js';

const ROWS_PER_ROUND = 400;
const POLL = { timeout: 15_000, interval: 50 } as const;
/** The server gives up on the worker's answer after 2 s; a test on a loaded machine waits as long as it takes. */
const ANSWER_TIMEOUT_MS = 30_000;

describe('background checkpoints', () => {
  let dir: string;
  let path: string;
  let writer: Database.Database;
  let checkpoints: Checkpoints | undefined;

  const size = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  /** The WAL header's checkpoint sequence number: one more each time the WAL is started over. */
  const checkpointSequence = (): number => {
    const header = Buffer.alloc(16);
    const fd = openSync(`${path}-wal`, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return header.readUInt32BE(12);
  };
  const writeRound = () =>
    writer.transaction(() => {
      const insert = writer.prepare('INSERT INTO blobs (body) VALUES (?)');
      for (let i = 0; i < ROWS_PER_ROUND; i += 1) insert.run('x'.repeat(1000));
    })();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stepgate-checkpoints-'));
    path = join(dir, 'test.db');
    writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  });
  afterEach(async () => {
    await checkpoints?.stop();
    checkpoints = undefined;
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('copies the WAL into the database from its own thread, and the WAL is then reused rather than grown', async () => {
    const emptyDatabase = size(path);
    writeRound();
    const firstWal = size(`${path}-wal`);
    expect(firstWal).toBeGreaterThan(ROWS_PER_ROUND * 1000);
    // Nothing on the writing connection checkpoints: the data is in the WAL only.
    expect(size(path)).toBe(emptyDatabase);

    const failures: unknown[] = [];
    const timerPasses: CheckpointPass[] = [];
    const started = startCheckpoints(path, { quiesce: () => undefined, onFailure: (error) => failures.push(error), onPass: (p) => timerPasses.push(p), intervalMs: 20, answerTimeoutMs: ANSWER_TIMEOUT_MS });
    checkpoints = started;
    // The worker's own timer copies the round into the database file ...
    await expect.poll(() => size(path), POLL).toBeGreaterThan(ROWS_PER_ROUND * 1000);
    expect(timerPasses.length).toBeGreaterThan(0);

    // ... and once a pass has copied all of a round, the next round starts the WAL over rather than growing it.
    for (let round = 2; round <= 4; round += 1) {
      expect(await started.passNow()).toEqual({ log: expect.any(Number) as number, checkpointed: expect.any(Number) as number, requested: true });
      writeRound();
    }
    const last = await started.passNow();
    expect(last?.checkpointed).toBe(last?.log);
    expect(size(`${path}-wal`)).toBeLessThan(1.5 * firstWal);
    expect(size(path)).toBeGreaterThan(4 * ROWS_PER_ROUND * 1000);
    expect(failures).toEqual([]);
  });

  it('under a load that never pauses, gets a quiet moment between batches and the WAL starts over', async () => {
    const batches = groupCommit(transactionControl(writer));
    const failures: unknown[] = [];
    let pausesDone = 0;
    checkpoints = startCheckpoints(path, {
      quiesce: (pause) => batches.quiesce(() => pause().then(() => void (pausesDone += 1))),
      onFailure: (error) => failures.push(error),
      intervalMs: 20,
      restartFrames: 200,
      answerTimeoutMs: ANSWER_TIMEOUT_MS,
    });
    const insert = writer.prepare('INSERT INTO blobs (body) VALUES (?)');
    const writeBatch = () => Promise.all(Array.from({ length: 10 }, () => batches.run(async () => void insert.run('x'.repeat(1000)))));

    // Batch after batch, with no gap for the worker but the ones it asks for.
    const before = checkpointSequence();
    let batchesWritten = 0;
    while (pausesDone === 0) {
      await writeBatch();
      batchesWritten += 1;
      if (batchesWritten > 100_000) throw new Error('the worker never asked for a quiet moment');
    }
    await writeBatch();
    expect(checkpointSequence()).toBeGreaterThan(before);
    expect(writer.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: (batchesWritten + 1) * 10 });
    expect(failures).toEqual([]);
  });

  it('reports a checkpoint worker that cannot work (its database gone) instead of failing silently', async () => {
    const failures: unknown[] = [];
    checkpoints = startCheckpoints(join(dir, 'no-such.db'), { quiesce: () => undefined, onFailure: (error) => failures.push(error), intervalMs: 20 });
    await expect.poll(() => failures.length, POLL).toBeGreaterThan(0);
  });
});
