import type { ServerConfig } from './config.js';
import { publicOrigin } from './config.js';
import { systemClock, type Clock } from './clock.js';
import { createContext, type Context } from './context.js';
import { keySourceFor, loadEncryptionKey } from './crypto/encryption-key.js';
import { buildApp } from './http/app.js';
import { operations, type Operations } from './operations.js';
import { ensurePrivateFolder } from './db/data-folder.js';
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
 * Opens the store: PostgreSQL when `config.database` names one, else SQLite in the data folder, with
 * checkpoints in the background for the server and SQLite's own for the command line's short runs.
 */
async function openStore(config: ServerConfig, clock: Clock, serving: boolean): Promise<Store> {
  if (config.database !== undefined) {
    // Loaded only when used: a server on SQLite never reads the PostgreSQL driver.
    const { openPostgresStore } = await import('./store/postgres/postgres-store.js');
    return openPostgresStore(config.database, clock, {
      onIdleError: (error) => console.error(`A PostgreSQL connection failed while idle; the next request opens another: ${error.message}`),
    });
  }
  return openSqliteStore(config.dataDir, clock, {
    backgroundCheckpoints: serving,
    onCheckpointFailure: (error) => console.error(`Background WAL checkpoints stopped; SQLite checkpoints on commit instead: ${String(error)}`),
  });
}

/** Opens the store and the encryption key: for the server, and for the operator command line. */
export async function openData(config: ServerConfig, clock: Clock = systemClock, origin = () => publicOrigin(config, config.port), serving = false): Promise<OpenedData> {
  // The store first: SQLite's makes the data folder, where the key file may have to be created.
  const store = await openStore(config, clock, serving);
  let key: Buffer;
  try {
    const source = keySourceFor(config.dataDir, config.keyFile, process.env);
    if (source.kind === 'data-dir') ensurePrivateFolder(config.dataDir);
    key = loadEncryptionKey(source);
  } catch (error) {
    await store.close();
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
  const data = await openData(config, clock, () => publicOrigin(config, boundPort), true);
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
        await tx.trustedComputers.deleteExpired(now);
        await tx.handoffs.deleteExpired(now);
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
