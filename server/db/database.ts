import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateFolder } from './data-folder.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DATABASE_FILE = 'stepgate.db';

/** Opens (creating if needed) the database in dataDir, in WAL mode, migrated to the latest version. */
export function openDatabase(dataDir: string): { readonly db: Db; readonly path: string } {
  ensurePrivateFolder(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  const db = new Database(path);
  // Hashes and encrypted secrets are nobody else's business, even on a shared machine.
  if (process.platform !== 'win32') chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Hot rows (throttle counters, challenges) change on every attempt: checkpointing less often copies each page fewer times.
  db.pragma('wal_autocheckpoint = 8000');
  // Deleted rows (old secrets, used codes) are overwritten rather than left in free pages.
  db.pragma('secure_delete = ON');
  migrate(db);
  return { db, path };
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
  });
}
