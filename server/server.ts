import type { ServerConfig } from './config.js';
import { publicOrigin } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createContext, type Context } from './context.js';
import { openDatabase } from './db/database.js';
import { keySourceFor, loadEncryptionKey } from './crypto/encryption-key.js';
import { buildApp } from './http/app.js';
import { operations, type Operations } from './operations.js';

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:4000 */
  readonly origin: string;
  readonly dbPath: string;
  readonly context: Context;
  readonly operations: Operations;
  close(): Promise<void>;
}

const CLEANUP_INTERVAL_MS = 10 * 60_000;

/** Opens the data folder (without serving): for the operator command line. */
export function openData(config: ServerConfig, clock: Clock = systemClock, origin = () => publicOrigin(config, config.port)) {
  const { db, path } = openDatabase(config.dataDir);
  const key = loadEncryptionKey(keySourceFor(config.dataDir, config.keyFile, process.env));
  const context = createContext(config, clock, db, key, origin);
  return { db, path, context, operations: operations(context) } as const;
}

export interface StartOptions {
  /** Where request logs go (when `config.logRequests`): standard output unless given. */
  readonly logStream?: { write(line: string): void };
}

export async function startServer(config: ServerConfig, clock: Clock = systemClock, options: StartOptions = {}): Promise<RunningServer> {
  let boundPort = config.port;
  const data = openData(config, clock, () => publicOrigin(config, boundPort));
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    const built = await buildApp(data.context, data.operations, options.logStream);
    await built.listen({ host: config.host, port: config.port });
    app = built;
  } catch (error) {
    data.db.close();
    throw error;
  }
  const address = app.server.address();
  if (address !== null && typeof address === 'object') boundPort = address.port;

  const cleanup = setInterval(() => {
    const now = clock.now();
    data.context.sessions.deleteExpired(now);
    data.context.challenges.deleteExpired(now);
    data.context.authenticators.deleteExpiredPending(now);
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    origin: `http://${host}:${boundPort}`,
    dbPath: data.path,
    context: data.context,
    operations: data.operations,
    close: async () => {
      clearInterval(cleanup);
      await app.close();
      data.db.close();
    },
  };
}
