import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder } from '../../db/data-folder.js';
import type { TransactionControl } from './group-commit.js';
import { newerSchema } from '../schema.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'stepgate.db';

export interface Checkpointing {
  /** Pages of WAL after which a commit checkpoints on its own connection; 0: never (a background checkpointer does it). */
  readonly autocheckpointPages: number;
}

/**
 * Opens (creating if needed) the database in dataDir for writing, in WAL mode, migrated to the latest
 * version. Only one of these is open per process: every write goes through its batcher.
 */
export function openWriter(dataDir: string, checkpointing: Checkpointing): { readonly db: Db; readonly path: string } {
  ensurePrivateFolder(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  const db = new Database(path);
  // Hashes and encrypted secrets are nobody else's business, even on a shared machine.
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  configure(db, checkpointing);
  // Deleted rows (old secrets, used codes) are overwritten rather than left in free pages.
  db.pragma('secure_delete = ON');
  // After the WAL is reset, a file grown under a burst is cut back rather than kept at its largest.
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path };
}

/** A second connection for reads: it sees committed data only, never a batch that is still open. */
export function openReader(path: string, checkpointing: Checkpointing): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  configure(db, checkpointing);
  return db;
}

/** A batch's statements on the writing connection; BEGIN IMMEDIATE takes the write lock before the first read. */
export function transactionControl(db: Db): TransactionControl {
  const run = (text: string) => {
    const statement = db.prepare(text);
    return () => void statement.run();
  };
  const rollback = run('ROLLBACK');
  return {
    begin: run('BEGIN IMMEDIATE'),
    savepoint: run('SAVEPOINT unit'),
    release: run('RELEASE unit'),
    rollbackToSavepoint: run('ROLLBACK TO unit'),
    commit: run('COMMIT'),
    rollback: () => {
      if (db.inTransaction) rollback();
    },
  };
}

function configure(db: Db, checkpointing: Checkpointing): void {
  // WAL with NORMAL: a commit survives the process being killed; only power loss can take the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Another process (the command line) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  db.pragma(`wal_autocheckpoint = ${checkpointing.autocheckpointPages}`);
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) throw newerSchema(current);
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
  });
}
