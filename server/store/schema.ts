/**
 * The schema, described once for every store: each migration is SQL written against a dialect's names
 * for the few types the stores spell differently. Versioned: append a migration, never edit one that
 * has shipped. A store records the versions it applied in `schema_migrations`.
 */
export interface Dialect {
  /** Milliseconds since the epoch, and time steps. */
  readonly time: string;
  readonly bool: string;
  readonly false: string;
  readonly bytes: string;
  /** An integer key the database assigns, growing. */
  readonly serialKey: string;
  /** A table whose rows are found by their text key only. */
  readonly keyed: string;
}

export const SQLITE_DIALECT: Dialect = {
  time: 'INTEGER',
  bool: 'INTEGER',
  false: '0',
  bytes: 'BLOB',
  serialKey: 'INTEGER PRIMARY KEY',
  keyed: ' WITHOUT ROWID',
};

export const POSTGRES_DIALECT: Dialect = {
  time: 'BIGINT',
  bool: 'BOOLEAN',
  false: 'false',
  bytes: 'BYTEA',
  serialKey: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  keyed: '',
};

export type Migration = (d: Dialect) => string;

export const MIGRATIONS: readonly Migration[] = [
  (d) => `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL,
    username_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin ${d.bool} NOT NULL DEFAULT ${d.false},
    disabled ${d.bool} NOT NULL DEFAULT ${d.false},
    totp_required ${d.bool} NOT NULL DEFAULT ${d.false},
    created_at ${d.time} NOT NULL
  );
  CREATE TABLE authenticators (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    secret_ciphertext ${d.bytes} NOT NULL,
    created_at ${d.time} NOT NULL,
    confirmed_at ${d.time},
    pending_expires_at ${d.time},
    confirm_attempts_remaining INTEGER NOT NULL,
    last_used_step ${d.time},
    last_used_at ${d.time}
  );
  CREATE INDEX authenticators_by_user ON authenticators(user_id);
  CREATE TABLE recovery_codes (
    id ${d.serialKey},
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at ${d.time} NOT NULL,
    used_at ${d.time}
  );
  CREATE INDEX recovery_codes_by_user ON recovery_codes(user_id);
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('full', 'enrollment')),
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE challenges (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL,
    attempts_remaining INTEGER NOT NULL
  )${d.keyed};
  CREATE INDEX challenges_by_user ON challenges(user_id);
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  )${d.keyed};
  CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    consecutive_failures INTEGER NOT NULL,
    locked_until ${d.time} NOT NULL,
    window_start ${d.time} NOT NULL,
    window_failures INTEGER NOT NULL
  )${d.keyed};
  CREATE TABLE audit_events (
    id ${d.serialKey},
    at ${d.time} NOT NULL,
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
  (d) => `
  CREATE TABLE sso_providers (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_auth TEXT NOT NULL CHECK (client_auth IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
    credential_ciphertext ${d.bytes} NOT NULL,
    key_id TEXT,
    scopes TEXT NOT NULL,
    username_claim TEXT NOT NULL,
    unknown_users TEXT NOT NULL CHECK (unknown_users IN ('refuse', 'create')),
    created_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE TABLE sso_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    linked_at ${d.time} NOT NULL,
    last_used_at ${d.time},
    PRIMARY KEY (issuer, subject),
    UNIQUE (user_id, issuer)
  )${d.keyed};
  CREATE TABLE sso_user_modes (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    mode TEXT NOT NULL CHECK (mode IN ('allowed', 'required', 'off'))
  )${d.keyed};
  CREATE TABLE sso_transactions (
    state_hash TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    binding_hash TEXT NOT NULL,
    sealed_checks ${d.bytes} NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('desktop', 'browser')),
    app_redirect_uri TEXT,
    app_state TEXT,
    app_code_challenge TEXT,
    next_path TEXT,
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE INDEX sso_transactions_by_expiry ON sso_transactions(expires_at);
  CREATE TABLE sso_results (
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE INDEX sso_results_by_user ON sso_results(user_id);
  `,
  // The audit trail's search compares lower(username), which this index cannot serve; it only cost every
  // audited attempt a write to a random page of it.
  () => `
  DROP INDEX audit_events_by_username;
  `,
  // One row every change of the settings counts up: a store whose units run side by side (PostgreSQL)
  // has each unit that decides on the settings hold it, so a change waits for those decisions.
  () => `
  CREATE TABLE settings_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
  );
  INSERT INTO settings_version (id, version) VALUES (1, 0);
  `,
  // Trusted computers: a computer that skips the code until it expires, found by its token's hash.
  (d) => `
  CREATE TABLE trusted_computers (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at ${d.time} NOT NULL,
    last_used_at ${d.time},
    expires_at ${d.time} NOT NULL
  );
  CREATE INDEX trusted_computers_by_user ON trusted_computers(user_id);
  `,
  // Browser sessions end when unused for the idle limit: when, kept with the session so that every process
  // behind a load balancer sees each use. NULL: a session no browser holds (a bearer token's).
  (d) => `
  ALTER TABLE sessions ADD COLUMN idle_expires_at ${d.time};
  `,
  // Hand-offs: a signed-in desktop app's one-time code that signs the browser in, bound to the session
  // that asked for it; only its hash is stored.
  (d) => `
  CREATE TABLE handoffs (
    code_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_hash TEXT NOT NULL,
    next_path TEXT NOT NULL,
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE INDEX handoffs_by_user ON handoffs(user_id);
  `,
  // Trust offers: the right to trust this computer, handed out with a code's session and taken at most once.
  (d) => `
  CREATE TABLE trust_offers (
    grant_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_token_hash TEXT NOT NULL,
    created_at ${d.time} NOT NULL,
    expires_at ${d.time} NOT NULL
  )${d.keyed};
  CREATE INDEX trust_offers_by_user ON trust_offers(user_id);
  `,
];

/** What a store says when its database was written by a newer version than this one. */
export const newerSchema = (found: number): Error =>
  new Error(`The database has schema version ${found}, newer than this Stepgate knows (${MIGRATIONS.length}); run the newer version, or restore a backup made before the upgrade.`);
