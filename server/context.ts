import type { ServerConfig } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { hashSecret } from './crypto/passwords.js';
import { randomToken } from './crypto/tokens.js';
import { auditStore, type AuditEntry } from './store/audit.js';
import { authenticatorsStore } from './store/authenticators.js';
import { challengesStore } from './store/challenges.js';
import { recoveryCodesStore } from './store/recovery-codes.js';
import { sessionsStore } from './store/sessions.js';
import { settingsStore } from './store/settings.js';
import { throttleStore } from './store/throttle.js';
import { usersStore } from './store/users.js';

/** Everything a service needs, built once per server. */
export interface Context {
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly db: Db;
  /** AES-256 key for TOTP secrets. */
  readonly key: Buffer;
  readonly users: ReturnType<typeof usersStore>;
  readonly sessions: ReturnType<typeof sessionsStore>;
  readonly challenges: ReturnType<typeof challengesStore>;
  readonly authenticators: ReturnType<typeof authenticatorsStore>;
  readonly recoveryCodes: ReturnType<typeof recoveryCodesStore>;
  readonly settings: ReturnType<typeof settingsStore>;
  readonly throttle: ReturnType<typeof throttleStore>;
  readonly auditLog: ReturnType<typeof auditStore>;
  audit(entry: AuditEntry): void;
  /**
   * Runs `work` as one write transaction (BEGIN IMMEDIATE: the write lock is taken before the first
   * read, so what it reads cannot change before it commits, not even from another process). `work` is
   * synchronous: every check that guards a write is made inside it. Throwing rolls everything back.
   */
  write<T>(work: () => T): T;
  /** Where the browser pages are reached (known once the server listens). */
  readonly origin: () => string;
  /** A hash of nothing in particular, verified for unknown users so they take as long as known ones. */
  readonly dummyPasswordHash: Promise<string>;
}

export function createContext(config: ServerConfig, clock: Clock, db: Db, key: Buffer, origin: () => string): Context {
  const auditLog = auditStore(db);
  const dummyPasswordHash = hashSecret(randomToken('dummy'), config.argon2);
  return {
    config,
    clock,
    db,
    key,
    users: usersStore(db),
    sessions: sessionsStore(db),
    challenges: challengesStore(db),
    authenticators: authenticatorsStore(db),
    recoveryCodes: recoveryCodesStore(db),
    settings: settingsStore(db),
    throttle: throttleStore(db),
    auditLog,
    audit: (entry) => auditLog.record(clock.now(), entry),
    write: (work) => db.transaction(work).immediate(),
    origin,
    dummyPasswordHash,
  };
}
