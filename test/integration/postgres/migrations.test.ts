/**
 * Versioned migrations on PostgreSQL: server processes that start together on a new database migrate it
 * once, and a database written by a newer version is refused before anything is written to it.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock.js';
import { MIGRATIONS } from '../../../server/store/schema.js';
import { openPostgresStore } from '../../../server/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-databases.js';
import { testPostgres } from '../../support/test-server.js';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL migrations', () => {
  let database: TestDatabase | undefined;
  const fresh = async () => {
    const cluster = testPostgres();
    if (cluster === undefined) throw new Error('the PostgreSQL pass has no cluster');
    database = await createTestDatabase(cluster, { empty: true });
    return database.url;
  };
  afterEach(async () => {
    await database?.drop();
  });

  it('four processes starting at once on a new database migrate it once, to the latest version', async () => {
    const url = await fresh();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(url, systemClock)));
    await Promise.all(stores.map((s) => s.close()));
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('refuses a database with a newer schema, naming both versions, and writes nothing', async () => {
    const url = await fresh();
    await (await openPostgresStore(url, systemClock)).close();
    const newer = MIGRATIONS.length + 1;
    await query(url, `INSERT INTO schema_migrations (version, applied_at) VALUES (${newer}, 0)`);
    await expect(openPostgresStore(url, systemClock)).rejects.toThrow(new RegExp(`schema version ${newer}, newer than this Stepgate knows \\(${MIGRATIONS.length}\\)`));
    expect(await query(url, 'SELECT 1 FROM users')).toEqual([]);
  });

  it('names the database without its password when it cannot be reached', async () => {
    await expect(openPostgresStore('postgres://stepgate:hunter22-secret@127.0.0.1:1/nowhere', systemClock)).rejects.toThrow(
      /^Cannot open the PostgreSQL database postgres:\/\/stepgate:\*\*\*@127\.0\.0\.1:1\/nowhere: /,
    );
  });
});
