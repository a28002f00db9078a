/**
 * Group commit on a real SQLite file, watched from a second connection that sees only committed data:
 * units in one batch run one after another and see each other's writes at once; nobody hears back before
 * the commit; a unit that throws leaves nothing; a commit that fails takes the whole batch with it.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { transactionControl, type Db } from '../../../../server/store/sqlite/database.js';
import { groupCommit, type GroupCommit } from '../../../../server/store/sqlite/group-commit.js';

describe('group commit', () => {
  let dir: string;
  let writer: Db;
  let reader: Db;
  let batches: GroupCommit;

  const committed = (): readonly string[] => (reader.prepare('SELECT name FROM items ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  const seen = (): readonly string[] => (writer.prepare('SELECT name FROM items ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  const insert = (name: string) => writer.prepare('INSERT INTO items (name) VALUES (?)').run(name);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stepgate-group-commit-'));
    writer = new Database(join(dir, 'test.db'));
    writer.pragma('journal_mode = WAL');
    writer.pragma('foreign_keys = ON');
    writer.exec(`
      CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE parents (id INTEGER PRIMARY KEY);
      CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
    `);
    reader = new Database(join(dir, 'test.db'), { readonly: true });
    batches = groupCommit(transactionControl(writer));
  });
  afterEach(async () => {
    reader.close();
    writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the units that arrive together one after another in one transaction, each seeing the ones before it', async () => {
    const sawBefore: (readonly string[])[] = [];
    const unit = (name: string) => async () => {
      sawBefore.push(seen());
      insert(name);
      return name;
    };
    const answers = await Promise.all([batches.run(unit('a')), batches.run(unit('b')), batches.run(unit('c'))]);
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(sawBefore).toEqual([[], ['a'], ['a', 'b']]);
    expect(batches.stats).toEqual({ commits: 1, units: 3 });
    expect(committed()).toEqual(['a', 'b', 'c']);
  });

  it('answers nobody before the commit: until then the rows are invisible to every other connection', async () => {
    const atAnswer: (readonly string[])[] = [];
    const first = batches.run(async () => insert('a')).then(() => atAnswer.push(committed()));
    const second = batches.run(async () => {
      // Written, and seen by the batch, but not yet committed.
      expect(committed()).toEqual([]);
      insert('b');
    });
    await Promise.all([first, second]);
    expect(atAnswer).toEqual([['a', 'b']]);
  });

  it('rolls back only the unit that throws; the others in its batch commit, and its caller gets its error', async () => {
    const results = await Promise.allSettled([
      batches.run(async () => insert('kept-1')),
      batches.run(async () => {
        insert('dropped');
        throw new Error('refused');
      }),
      batches.run(async () => insert('kept-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(committed()).toEqual(['kept-1', 'kept-2']);
  });

  it('rejects every unit of a batch whose commit fails, and keeps none of their writes', async () => {
    const results = await Promise.allSettled([
      batches.run(async () => insert('lost-1')),
      // Checked only at COMMIT: a child whose parent does not exist.
      batches.run(async () => writer.prepare('INSERT INTO children (parent) VALUES (42)').run()),
      batches.run(async () => insert('lost-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect(((r as PromiseRejectedResult).reason as { code?: string }).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(committed()).toEqual([]);
    expect(writer.inTransaction).toBe(false);
    // The next batch starts clean.
    await batches.run(async () => insert('after'));
    expect(committed()).toEqual(['after']);
  });

  it('holds the commit back while a unit still runs, and runs the units behind it afterwards, in order', async () => {
    const order: string[] = [];
    const slow = batches.run(async () => {
      order.push('slow starts');
      await new Promise((resolve) => setTimeout(resolve, 20));
      insert('slow');
      order.push('slow ends');
    });
    const behind = batches.run(async () => {
      order.push('behind runs');
      insert('behind');
    });
    await Promise.all([slow, behind]);
    expect(order).toEqual(['slow starts', 'slow ends', 'behind runs']);
    expect(committed()).toEqual(['slow', 'behind']);
  });

  it('starts a new batch for units that arrive after a commit', async () => {
    await batches.run(async () => insert('first'));
    await batches.run(async () => insert('second'));
    expect(batches.stats).toEqual({ commits: 2, units: 2 });
    expect(committed()).toEqual(['first', 'second']);
  });

  it('pauses writing when asked: units that arrive during the pause wait for it, with no transaction open', async () => {
    let endPause = () => {};
    batches.quiesce(() => new Promise<void>((resolve) => (endPause = resolve)));
    const waiting = batches.run(async () => insert('after the pause'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writer.inTransaction).toBe(false);
    expect(committed()).toEqual([]);
    endPause();
    await waiting;
    expect(committed()).toEqual(['after the pause']);
  });

  it('starts a pause asked for during a batch only after that batch has committed', async () => {
    const first = batches.run(async () => insert('a'));
    let duringPause: readonly string[] | undefined;
    batches.quiesce(async () => {
      duringPause = committed();
      expect(writer.inTransaction).toBe(false);
    });
    await first;
    await batches.idle();
    expect(duringPause).toEqual(['a']);
  });

  it('is idle only once everything queued has committed', async () => {
    const pending = [batches.run(async () => insert('a')), batches.run(async () => insert('b'))];
    await batches.idle();
    expect(committed()).toEqual(['a', 'b']);
    await Promise.all(pending);
  });
});
