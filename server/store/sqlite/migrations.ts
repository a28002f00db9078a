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
  // Single sign-on: providers added with `sso add` (credential sealed), linked identities, per-user mode,
  // sign-ins under way at a provider, and the desktop app's one-time result codes.
  `
  CREATE TABLE sso_providers (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_auth TEXT NOT NULL CHECK (client_auth IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
    credential_ciphertext BLOB NOT NULL,
    key_id TEXT,
    scopes TEXT NOT NULL,
    username_claim TEXT NOT NULL,
    unknown_users TEXT NOT NULL CHECK (unknown_users IN ('refuse', 'create')),
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE sso_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    linked_at INTEGER NOT NULL,
    last_used_at INTEGER,
    PRIMARY KEY (issuer, subject),
    UNIQUE (user_id, issuer)
  ) WITHOUT ROWID;
  CREATE TABLE sso_user_modes (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('allowed', 'required', 'off'))
  ) WITHOUT ROWID;
  CREATE TABLE sso_transactions (
    state_hash TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    binding_hash TEXT NOT NULL,
    sealed_checks BLOB NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('desktop', 'browser')),
    app_redirect_uri TEXT,
    app_state TEXT,
    app_code_challenge TEXT,
    next_path TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sso_transactions_by_expiry ON sso_transactions(expires_at);
  CREATE TABLE sso_results (
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sso_results_by_user ON sso_results(user_id);
  `,
  // The audit trail's search compares lower(username), which this index cannot serve; it only cost every
  // audited attempt a write to a random page of it.
  `
  DROP INDEX audit_events_by_username;
  `,
];
