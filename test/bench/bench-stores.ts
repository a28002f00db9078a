/**
 * Where the benchmarked server keeps its data: SQLite in its data folder (the default), or PostgreSQL
 * (`--database URL`: a fresh database is created on that server for each measurement and dropped after,
 * so the user in the URL needs CREATEDB; `--database temporary`: a throw-away local cluster from
 * Debian's package, with PostgreSQL's default durability), served by one or two processes.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { load, type LoadOptions, type LoadResult } from './bench-load.js';
import type { Running } from './bench-processes.js';

export interface BenchStore {
  readonly label: string;
  readonly instances: number;
  /** Command-line options for every command of one measurement, in `work`; `drop` when it is done. */
  open(work: string): Promise<{ readonly args: readonly string[]; drop(): Promise<void> }>;
}

export const SQLITE: BenchStore = { label: 'SQLite', instances: 1, open: async () => ({ args: [], drop: async () => undefined }) };

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** PostgreSQL stores for `--database`: one and two instances; `stop` ends a temporary cluster. */
export async function postgresStores(database: string): Promise<{ readonly stores: readonly BenchStore[]; stop(): Promise<void> }> {
  let cluster: PostgresCluster | undefined;
  let server = database;
  if (database === 'temporary') {
    cluster = await startPostgresCluster({ durable: true });
    server = cluster.url('postgres');
  }
  const store = (instances: number): BenchStore => ({
    label: `PostgreSQL, ${instances} instance${instances === 1 ? '' : 's'}`,
    instances,
    open: async (work) => {
      const name = `stepgate_bench_${randomBytes(4).toString('hex')}`;
      await onServer(server, `CREATE DATABASE ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      // Every instance needs the same encryption key.
      const keyFile = join(work, 'shared.key');
      await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      return { args: ['--database', url.toString(), '--key-file', keyFile], drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    },
  });
  return { stores: [store(1), store(2)], stop: async () => cluster?.stop() };
}

/**
 * One load spread over several server processes, as a load balancer spreads it: the connections split
 * between them, the bodies drawn from one source. Rates add up; latencies are the worst of the
 * processes'; CPU per request counts the server processes (not the database).
 */
export async function loadAcross(servers: readonly Running[], options: Omit<LoadOptions, 'url' | 'pid'> & { readonly path: string }): Promise<LoadResult> {
  const { path, localAddresses = [], ...rest } = options;
  const share = (n: number | undefined) => (n === undefined ? undefined : Math.ceil(n / servers.length));
  const amount = share(options.amount);
  const results = await Promise.all(
    servers.map((s, i) =>
      load({
        ...rest,
        ...(amount === undefined ? {} : { amount }),
        url: `${s.origin}${path}`,
        pid: s.pid,
        connections: Math.max(1, Math.floor(options.connections / servers.length)),
        // Each process its own share of the addresses, as a balancer in front of them would spread clients.
        localAddresses: localAddresses.length < servers.length ? localAddresses : localAddresses.filter((_, n) => n % servers.length === i),
      }),
    ),
  );
  if (results.length === 1 && results[0] !== undefined) return results[0];
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const worst = (pick: (r: LoadResult) => number) => Math.max(...results.map(pick));
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    requests,
    rps: results.reduce((n, r) => n + r.rps, 0),
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    p999: worst((r) => r.p999),
    max: worst((r) => r.max),
    statuses,
    errors: results.reduce((n, r) => n + r.errors, 0),
    cpuUs: results.reduce((n, r) => n + r.cpuUs * r.requests, 0) / Math.max(1, requests),
  };
}
