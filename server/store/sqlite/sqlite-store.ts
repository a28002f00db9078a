/**
 * The embedded store: one SQLite file in WAL mode, two connections. Units of work run on the writing
 * connection, in savepoints inside group-committed transactions (group-commit.ts); their statements
 * are synchronous, so a unit runs from start to end without letting anything else touch the data.
 * Reads run on a read-only connection that sees committed data only.
 *
 * With `backgroundCheckpoints` (the server), neither connection checkpoints the WAL: a worker thread
 * with its own connection does, off the request path (checkpoints.ts). The command line's short runs
 * let SQLite checkpoint as usual.
 */
import type { Clock } from '../../clock.js';
import type { Store, Tx } from '../store.js';
import { sqliteAudit } from './audit.js';
import { sqliteAuthenticators } from './authenticators.js';
import { startCheckpoints, type Checkpoints } from './checkpoints.js';
import { sqliteChallenges } from './challenges.js';
import { openReader, openWriter, transactionControl, type Checkpointing, type Db } from './database.js';
import { groupCommit } from './group-commit.js';
import { sqliteRecoveryCodes } from './recovery-codes.js';
import { sqliteSessions } from './sessions.js';
import { sqliteSettings } from './settings.js';
import { sqliteSso } from './sso.js';
import { sqliteHandoffs } from './handoffs.js';
import { sqliteThrottle } from './throttle.js';
import { sqliteTrustedComputers } from './trusted-computers.js';
import { sqliteUsers } from './users.js';

/** SQLite's own default: checkpoint once the WAL holds this many pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface SqliteStoreOptions {
  /** Checkpoint from a worker thread rather than on the connections that serve requests. */
  readonly backgroundCheckpoints?: boolean;
  /** Called when background checkpointing fails and the connections take it over again. */
  readonly onCheckpointFailure?: (error: unknown) => void;
}

function repositories(db: Db, clock: Clock): Tx {
  const throttle = sqliteThrottle(db);
  return {
    users: sqliteUsers(db),
    sessions: sqliteSessions(db),
    challenges: sqliteChallenges(db, throttle),
    authenticators: sqliteAuthenticators(db),
    recoveryCodes: sqliteRecoveryCodes(db),
    trustedComputers: sqliteTrustedComputers(db),
    settings: sqliteSettings(db),
    throttle,
    audit: sqliteAudit(db, clock),
    sso: sqliteSso(db),
    handoffs: sqliteHandoffs(db),
  };
}

export function openSqliteStore(dataDir: string, clock: Clock, options: SqliteStoreOptions = {}): Store {
  const checkpointing: Checkpointing = { autocheckpointPages: options.backgroundCheckpoints === true ? 0 : DEFAULT_AUTOCHECKPOINT_PAGES };
  const { db: writer, path } = openWriter(dataDir, checkpointing);
  let reader: Db;
  try {
    reader = openReader(path, checkpointing);
  } catch (error) {
    writer.close();
    throw error;
  }

  const batches = groupCommit(transactionControl(writer));

  const tx = repositories(writer, clock);
  const view = repositories(reader, clock);
  const beginRead = reader.prepare('BEGIN');
  const endRead = reader.prepare('COMMIT');
  let readers = 0;

  let checkpoints: Checkpoints | undefined;
  if (options.backgroundCheckpoints === true) {
    checkpoints = startCheckpoints(path, {
      quiesce: (pause) => batches.quiesce(pause),
      onFailure: (error) => {
        // Bounded WAL matters more than where the work happens: the connections take it back.
        for (const db of [writer, reader]) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
        options.onCheckpointFailure?.(error);
      },
    });
  }

  return {
    location: path,
    async read(work) {
      // Reads that overlap (one awaiting while another starts) share one snapshot; each sees committed data only.
      if (readers === 0) beginRead.run();
      readers += 1;
      try {
        return await work(view);
      } finally {
        readers -= 1;
        if (readers === 0) endRead.run();
      }
    },
    write: (unit) => batches.run(() => unit(tx)),
    async close() {
      await batches.idle();
      await checkpoints?.stop();
      reader.close();
      writer.close();
    },
  };
}
