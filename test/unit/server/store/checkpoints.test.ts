/**
 * Background checkpoints on a real SQLite file: with checkpointing off on the writing connection, the WAL
 * only grows and the database file stays as it was; the worker copies the WAL into the database, after
 * which the writer starts the WAL over instead of making it longer.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpoints, type Checkpoints } from '../../../../server/store/sqlite/checkpoints.js';

const ROWS_PER_ROUND = 400;
const POLL = { timeout: 15_000, interval: 50 } as const;

describe('background checkpoints', () => {
  let dir: string;
  let path: string;
  let writer: Database.Database;
  let checkpoints: Checkpoints | undefined;

  const size = (file: string): number => statSync(file, { throwIfNoEntry: false })?.size ?? 0;
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
    checkpoints = startCheckpoints(path, (error) => failures.push(error), 20);
    await expect.poll(() => size(path), POLL).toBeGreaterThan(ROWS_PER_ROUND * 1000);

    // Once all of it is copied, the next write transaction starts the WAL from its beginning: round after
    // round, the WAL file stays the size of one round.
    for (let round = 2; round <= 4; round += 1) {
      writeRound();
      await expect.poll(() => size(path), POLL).toBeGreaterThan(round * ROWS_PER_ROUND * 1000);
    }
    expect(size(`${path}-wal`)).toBeLessThan(1.5 * firstWal);
    expect(failures).toEqual([]);
  });

  it('reports a checkpoint worker that cannot work (its database gone) instead of failing silently', async () => {
    const failures: unknown[] = [];
    checkpoints = startCheckpoints(join(dir, 'no-such.db'), (error) => failures.push(error), 20);
    await expect.poll(() => failures.length, POLL).toBeGreaterThan(0);
  });
});
