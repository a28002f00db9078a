/** Versioned schema: append a migration, never edit one that has shipped. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    totp_required INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE authenticators (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    secret_ciphertext BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    pending_expires_at INTEGER,
    confirm_attempts_remaining INTEGER NOT NULL,
    last_used_step INTEGER,
    last_used_at INTEGER
  );
  CREATE INDEX authenticators_by_user ON authenticators(user_id);
  CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX recovery_codes_by_user ON recovery_codes(user_id);
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('full', 'enrollment')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE challenges (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts_remaining INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX challenges_by_user ON challenges(user_id);
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    consecutive_failures INTEGER NOT NULL,
    locked_until INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    window_failures INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    event TEXT NOT NULL,
    user_id TEXT,
    username TEXT,
    client_address TEXT,
    detail TEXT NOT NULL
  );
  CREATE INDEX audit_events_by_username ON audit_events(username);
  `,
  // The audit trail's search compares lower(username), which this index cannot serve; it only cost every
  // audited attempt a write to a random page of it.
  `
  DROP INDEX audit_events_by_username;
  `,
];
