import type { ServerConfig } from './config.js';
import { publicOrigin } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createContext, type Context } from './context.js';
import { keySourceFor, loadEncryptionKey } from './crypto/encryption-key.js';
import { buildApp } from './http/app.js';
import { operations, type Operations } from './operations.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:4000 */
  readonly origin: string;
  readonly dbPath: string;
  readonly context: Context;
  readonly operations: Operations;
  readonly store: Store;
  close(): Promise<void>;
}

const CLEANUP_INTERVAL_MS = 10 * 60_000;

export interface OpenedData {
  readonly store: Store;
  readonly context: Context;
  readonly operations: Operations;
}

/**
 * Opens the data folder: for the server (checkpoints in the background) and for the operator command
 * line's short runs (SQLite's own checkpoints).
 */
export function openData(config: ServerConfig, clock: Clock = systemClock, origin = () => publicOrigin(config, config.port), serving = false): OpenedData {
  // The store first: it makes the data folder, where the key file may have to be created.
  const store = openSqliteStore(config.dataDir, clock, {
    backgroundCheckpoints: serving,
    onCheckpointFailure: (error) => console.error(`Background WAL checkpoints stopped; SQLite checkpoints on commit instead: ${String(error)}`),
  });
  let key: Buffer;
  try {
    key = loadEncryptionKey(keySourceFor(config.dataDir, config.keyFile, process.env));
  } catch (error) {
    void store.close();
    throw error;
  }
  const context = createContext(config, clock, store, key, origin);
  return { store, context, operations: operations(context) };
}

export interface StartOptions {
  /** Where the log goes: standard output unless given. */
  readonly logStream?: { write(line: string): void };
}

export async function startServer(config: ServerConfig, clock: Clock = systemClock, options: StartOptions = {}): Promise<RunningServer> {
  let boundPort = config.port;
  const data = openData(config, clock, () => publicOrigin(config, boundPort), true);
  let app;
  try {
    app = await buildApp(data.context, data.operations, options.logStream);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close();
    await data.store.close();
    throw error;
  }
  const address = app.server.address();
  if (address !== null && typeof address === 'object') boundPort = address.port;

  const cleanup = setInterval(() => {
    const now = clock.now();
    void data.store
      .write(async (tx) => {
        await tx.sessions.deleteExpired(now);
        await tx.challenges.deleteExpired(now);
        await tx.authenticators.deleteExpiredPending(now);
      })
      .catch((error: unknown) => app.log.error({ err: { type: (error as Error).name } }, 'clean-up of expired rows failed'));
  }, CLEANUP_INTERVAL_MS);
  cleanup.unref();

  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    origin: `http://${host}:${boundPort}`,
    dbPath: data.store.location,
    context: data.context,
    operations: data.operations,
    store: data.store,
    close: async () => {
      clearInterval(cleanup);
      await app.close();
      await data.store.close();
    },
  };
}
