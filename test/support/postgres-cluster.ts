/**
 * A throw-away PostgreSQL server for the tests: Debian's `postgresql` package (any version under
 * /usr/lib/postgresql, or `initdb` on PATH), a fresh cluster in a temporary folder, listening only on a
 * Unix socket in that folder (no port to collide with anyone's), stopped and deleted afterwards.
 *
 * PostgreSQL refuses to run as root. Run as root (CI, containers), the cluster belongs to the `postgres`
 * system user the package creates (or `nobody`); run as anyone else, it is theirs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const READY_TIMEOUT_MS = 30_000;
/** The cluster's superuser; trust authentication, over a socket only its owner and root can reach. */
const SUPERUSER = 'stepgate';

export interface PostgresCluster {
  /** A URL for `database` on this cluster. */
  url(database: string): string;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found !== '') return join(found, '..');
  throw new Error('PostgreSQL is not installed: install Debian\'s "postgresql" package (bash .ci/run does).');
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/** Who runs the cluster: the current user, or an unprivileged system user when that is root. */
function owner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const entry = spawnSync('getent', ['passwd', name], { encoding: 'utf8' }).stdout.split(':');
    if (entry.length >= 4) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  }
  throw new Error('Running as root, and there is neither a "postgres" nor a "nobody" user to run PostgreSQL as.');
}

function run(command: string, args: readonly string[], as: Owner | undefined): void {
  const result = spawnSync(command, args, { encoding: 'utf8', ...as, env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr}${result.error?.message ?? ''}`);
}

export interface ClusterOptions {
  /** PostgreSQL's own durability (fsync, full pages), for figures worth comparing; the tests leave it off. */
  readonly durable?: boolean;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = binDir();
  const as = owner();
  const dir = await mkdtemp(join(tmpdir(), 'stepgate-pg-'));
  if (as !== undefined) chownSync(dir, as.uid, as.gid);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], as);
  // Durability off for the tests: they kill server processes, never the database's host.
  const durability = options.durable === true ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off'];
  const server: ChildProcess = spawn(
    join(bin, 'postgres'),
    ['-D', data, '-k', dir, '-c', 'listen_addresses=', ...durability, '-c', 'max_connections=300', '-c', 'shared_buffers=32MB'],
    { ...as, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = (database: string) => `postgres://${SUPERUSER}@localhost/${database}?host=${encodeURIComponent(dir)}`;

  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`PostgreSQL stopped at start: ${log}`);
    }
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not accept connections within ${READY_TIMEOUT_MS} ms: ${String(error)}\n${log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url, stop };
}

/** Runs statements as the cluster's superuser, on its `postgres` database. */
export async function adminQuery(cluster: PostgresCluster, ...statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
