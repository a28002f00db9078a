/**
 * Starts the real reference server on loopback with a fresh store: a SQLite file in a temporary folder,
 * or, on the PostgreSQL pass (vitest's "postgres" project), a fresh database on the pass's PostgreSQL
 * server. Only the clock is the test's: it starts at the real time and moves when the test says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig, type ConfigOverrides } from '../../server/config.js';
import { startServer } from '../../server/server.js';
import type { NewUser, EnvironmentChange, Operations } from '../../server/operations.js';
import type { Context } from '../../server/context.js';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './postgres-databases.js';
import { testClock, type TestClock } from './test-clock.js';

/** The PostgreSQL pass's cluster; undefined on the SQLite pass, and outside vitest (the Playwright specs use SQLite). */
export const testPostgres = () => (process.env['VITEST'] === undefined ? undefined : inject('postgres'));

export interface TestServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** API base: url + /api/v1 */
  readonly api: string;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly clock: TestClock;
  /** Request log lines as parsed JSON, when started with `logs: true`. */
  readonly logs: readonly Readonly<Record<string, unknown>>[];
  createUser(user: NewUser): Promise<{ readonly id: string }>;
  setEnvironment(change: EnvironmentChange): Promise<void>;
  /** The server's own administration and context, for set-up the API does not offer (identity providers). */
  readonly operations: Operations;
  readonly context: Context;
  close(): Promise<void>;
}

/** Cheaper Argon2id than production so suites stay fast; one suite measures the real parameters. */
const TEST_ARGON2 = { memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

export interface TestServerOptions {
  readonly config?: ConfigOverrides;
  /** Log every request as the operator's server does, into `logs`. */
  readonly logs?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stepgate-test-'));
  const postgres = testPostgres();
  const database: TestDatabase | undefined = postgres === undefined ? undefined : await createTestDatabase(postgres);
  const clock = testClock();
  const config = makeConfig(dataDir, {
    port: 0,
    argon2: TEST_ARGON2,
    database: database?.url,
    ...options.config,
    ...(options.logs === true ? { logRequests: true } : {}),
  });
  const logs: Record<string, unknown>[] = [];
  const logStream = { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) };
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, clock, { logStream });
  } catch (error) {
    // A server that refused to start leaves nothing behind either.
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    logs,
    url: server.origin,
    api: `${server.origin}/api/v1`,
    dataDir,
    dbPath: server.dbPath,
    clock,
    createUser: (user) => server.operations.createUser(user),
    setEnvironment: async (change) => {
      await server.operations.setEnvironment(change);
    },
    operations: server.operations,
    context: server.context,
    close: async () => {
      await server.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
