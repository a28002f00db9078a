/**
 * Starts the real reference server on loopback with a fresh SQLite file in a temporary folder.
 * Only the clock is the test's: it starts at the real time and moves when the test says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig, type ConfigOverrides } from '../../server/config.js';
import { startServer } from '../../server/server.js';
import type { NewUser, EnvironmentChange, Operations } from '../../server/operations.js';
import type { Context } from '../../server/context.js';
import { testClock, type TestClock } from './test-clock.js';

export interface TestServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** API base: url + /api/v1 */
  readonly api: string;
  readonly dataDir: string;
  readonly dbPath: string;
  readonly clock: TestClock;
  createUser(user: NewUser): Promise<{ readonly id: string }>;
  setEnvironment(change: EnvironmentChange): void;
  /** The server's own administration and context, for set-up the API does not offer (identity providers). */
  readonly operations: Operations;
  readonly context: Context;
  close(): Promise<void>;
}

/** Cheaper Argon2id than production so suites stay fast; one suite measures the real parameters. */
const TEST_ARGON2 = { memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

export async function startTestServer(options: { readonly config?: ConfigOverrides } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stepgate-test-'));
  const clock = testClock();
  const config = makeConfig(dataDir, { port: 0, argon2: TEST_ARGON2, ...options.config });
  const server = await startServer(config, clock);
  return {
    url: server.origin,
    api: `${server.origin}/api/v1`,
    dataDir,
    dbPath: server.dbPath,
    clock,
    createUser: (user) => server.operations.createUser(user),
    setEnvironment: (change) => server.operations.setEnvironment(change),
    operations: server.operations,
    context: server.context,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
