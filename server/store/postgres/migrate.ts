import type pg from 'pg';
import { MIGRATIONS, newerSchema, POSTGRES_DIALECT } from '../schema.js';

/** Any number, the same in every process: the lock that lets one process at a time migrate. */
const MIGRATION_LOCK = 0x53746570;

/**
 * Brings the database to the latest schema in one transaction, under a lock, so several server
 * processes starting at once migrate it once; a database newer than this code is refused.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const current = Number((await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0);
    if (current > MIGRATIONS.length) throw newerSchema(current);
    for (const [index, migration] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      await client.query(migration(POSTGRES_DIALECT));
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
