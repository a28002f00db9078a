/** SQLite's versioned migrations: a data folder written by a newer version is refused, not written to. */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { MIGRATIONS } from '../../../server/store/schema.js';
import { DATABASE_FILE } from '../../../server/store/sqlite/database.js';
import { openSqliteStore } from '../../../server/store/sqlite/sqlite-store.js';

describe('SQLite migrations', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('brings a new folder to the latest version, and refuses one with a newer schema', async () => {
    dir = await mkdtemp(join(tmpdir(), 'stepgate-schema-'));
    await openSqliteStore(dir, systemClock).close();
    const db = new Database(join(dir, DATABASE_FILE));
    expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(MIGRATIONS.length);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)').run(MIGRATIONS.length + 1);
    db.close();
    expect(() => openSqliteStore(dir ?? '', systemClock)).toThrow(new RegExp(`schema version ${MIGRATIONS.length + 1}, newer than this Stepgate knows`));
  });
});
