/**
 * A fresh database per test server on the PostgreSQL pass's cluster (postgres-setup.ts), copied from
 * the migrated template and dropped when the server closes.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_TEMPLATE = 'stepgate_template';

/** What the setup hands the test files: URLs on the cluster. */
export interface PostgresTestCluster {
  /** The cluster's maintenance database, to create and drop databases from. */
  readonly admin: string;
  /** A database's URL, with DATABASE where its name goes. */
  readonly base: string;
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

async function admin(cluster: PostgresTestCluster, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.admin });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `empty`: without the schema, as a new deployment's database is. */
export async function createTestDatabase(cluster: PostgresTestCluster, options: { readonly empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `stepgate_${randomBytes(6).toString('hex')}`;
  await admin(cluster, `CREATE DATABASE ${name} TEMPLATE ${options.empty === true ? 'template0' : POSTGRES_TEMPLATE}`);
  return {
    url: cluster.base.replace('DATABASE', name),
    // WITH (FORCE): a server killed outright may have left connections behind.
    drop: () => admin(cluster, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
