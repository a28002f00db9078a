/**
 * Before the PostgreSQL pass: a throw-away PostgreSQL server (postgres-cluster.ts) with a database
 * migrated to the latest schema, which each test server copies (CREATE DATABASE ... TEMPLATE) rather
 * than migrating its own; the server bundle, for the suites that run it as its own process.
 */
import type { TestProject } from 'vitest/node';
import { buildServer } from '../../build/build-server.js';
import { systemClock } from '../../server/clock.js';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.js';
import { POSTGRES_TEMPLATE, type PostgresTestCluster } from './postgres-databases.js';
import { adminQuery, startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresTestCluster;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [cluster] = await Promise.all([startPostgresCluster(), buildServer()]);
  try {
    await adminQuery(cluster, `CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    const store = await openPostgresStore(cluster.url(POSTGRES_TEMPLATE), systemClock);
    await store.close();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgres', { admin: cluster.url('postgres'), base: cluster.url('DATABASE') });
  return () => cluster.stop();
}
