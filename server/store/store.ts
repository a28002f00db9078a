/**
 * The seam between the domain (sign-in, enrollment, administration, the pages' sessions) and where its
 * data lives. Routes and domain code see only `Store`, `View` and `Tx`; which database is behind them is
 * chosen once, at start. docs/store.md is the contract in full; in short:
 *
 * - `read(work)` runs `work` on committed data only, as one consistent snapshot. Nothing it sees can be
 *   undone, so its answer may go out at once. It never writes.
 * - `write(unit)` runs `unit` as one unit of work inside a write transaction and resolves with its result
 *   only after that transaction has committed. A unit sees every unit committed or ordered before it, and
 *   makes its own checks and writes as one: a unit that throws leaves nothing behind. If the commit fails,
 *   every unit that shared it is rejected: nothing is acknowledged that was not written.
 * - A unit awaits nothing but its `tx`'s operations (no Argon2, no network, no timers): slow work comes
 *   before `write` and is handed in. A store may run several units in one transaction (group commit).
 * - Per-account order: a unit that checks or records an attempt on an account first calls
 *   `tx.throttle.claim(accountKey)`. From then until the unit's transaction ends, no other unit on the
 *   same account gets past its own claim, in this process or any other on the same database.
 */
import type { SsoMode } from '../../shared/api/schemas.js';
import type {
  AuditEntry,
  AuditRecord,
  AuthenticatorRow,
  ChallengeRow,
  EnvironmentSettings,
  HandoffRow,
  NewPendingAuthenticator,
  RecoveryCodeRow,
  SessionKind,
  SessionRow,
  SsoIdentityRow,
  SsoProviderRow,
  SsoResultRow,
  SsoTransactionRow,
  ThrottleState,
  TrustedComputerRow,
  NewTrustedComputer,
  UserRow,
} from './rows.js';

export interface UsersView {
  byId(id: string): Promise<UserRow | undefined>;
  byUsername(username: string): Promise<UserRow | undefined>;
  /** Up to 500, by username; `text` matches a part of the username or display name, case-insensitively. */
  search(text: string): Promise<readonly UserRow[]>;
  /** Every account's id. */
  ids(): Promise<readonly string[]>;
}
export interface Users extends UsersView {
  insert(user: Omit<UserRow, 'disabled'>): Promise<void>;
  setTotpRequired(id: string, value: boolean): Promise<void>;
  setDisabled(id: string, value: boolean): Promise<void>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
}

export interface SessionsView {
  /** A session that has not expired at `now`, nor, when a browser holds it, gone unused past its idle limit. */
  findByHash(tokenHash: string, now: number): Promise<SessionRow | undefined>;
}
export interface Sessions extends SessionsView {
  /** A new random token; only its hash is stored. */
  create(userId: string, kind: SessionKind, now: number, ttlSeconds: number): Promise<{ readonly token: string; readonly tokenHash: string; readonly expiresAt: number }>;
  /** True when this call ended the session: a session is ended once. */
  delete(tokenHash: string): Promise<boolean>;
  /** Deletes an enrollment session; true for exactly one caller, so it is exchanged at most once. */
  consumeEnrollment(tokenHash: string): Promise<boolean>;
  deleteForUser(userId: string, exceptTokenHash?: string): Promise<void>;
  deleteEnrollmentForUser(userId: string): Promise<void>;
  /** Sessions expired at `now`, and browser sessions unused past their idle limit. */
  deleteExpired(now: number): Promise<void>;
  /** A browser now holds the session: unless used again, it ends at `idleUntil`. */
  holdInBrowser(tokenHash: string, idleUntil: number): Promise<void>;
  /**
   * A browser uses the session at `now`: true, and its idle limit moved on to `idleUntil` (never back), when
   * it is a browser's session alive at `now`; false otherwise (expired, gone idle, or held by no browser).
   */
  useInBrowser(tokenHash: string, now: number, idleUntil: number): Promise<boolean>;
}

export interface ChallengesView {
  /** The username a live challenge belongs to: the account to claim before deciding on it. */
  ownerUsername(id: string, now: number): Promise<string | undefined>;
  /** Live: not expired at `now` and with attempts left. */
  findLive(id: string, now: number): Promise<ChallengeRow | undefined>;
}
/** A live challenge with its user, and the user's account claimed (see Throttle.claim). */
export interface ClaimedChallenge {
  readonly challenge: ChallengeRow;
  readonly user: UserRow;
  /** The account's throttle state, read under the claim. */
  readonly account: ThrottleState;
}

export interface Challenges extends ChallengesView {
  /**
   * The attempt's first step: finds the live challenge, claims its user's account under
   * `accountKey(username)`, and returns the challenge and the user as they stand under that claim
   * (a store whose claims wait reads them again once it holds it). undefined: no live challenge.
   */
  claimLive(id: string, now: number, accountKey: (username: string) => string): Promise<ClaimedChallenge | undefined>;
  /** A new random id; only its hash is stored. */
  create(userId: string, now: number, ttlSeconds: number, attempts: number): Promise<{ readonly id: string; readonly expiresAt: number }>;
  /** Spends one attempt; what is left, or null when the challenge was already gone. */
  spendAttempt(idHash: string): Promise<number | null>;
  /** True for exactly one caller: success consumes the challenge. */
  consume(idHash: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<void>;
}

export interface AuthenticatorsView {
  confirmed(userId: string): Promise<readonly AuthenticatorRow[]>;
  countConfirmed(userId: string): Promise<number>;
  /** A confirmed one, or a pending one that has not expired at `now`. */
  find(userId: string, id: string, now: number): Promise<AuthenticatorRow | undefined>;
  nameTaken(userId: string, name: string, now: number): Promise<boolean>;
  /** Confirmed ones and pending ones that have not expired. */
  countLive(userId: string, now: number): Promise<number>;
}
export interface Authenticators extends AuthenticatorsView {
  insertPending(row: NewPendingAuthenticator): Promise<void>;
  /** Confirms a pending, unexpired one and records the confirming code's step; true when it did. */
  confirm(userId: string, id: string, step: number, now: number): Promise<boolean>;
  /** Spends a confirmation attempt; a pending one out of attempts is deleted. What is left. */
  spendConfirmAttempt(id: string): Promise<number>;
  /** Records an accepted time step if it is newer than the last one; true for exactly one caller per step. */
  acceptStep(id: string, step: number, now: number): Promise<boolean>;
  delete(userId: string, id: string): Promise<boolean>;
  /** How many were deleted. */
  deleteAll(userId: string): Promise<number>;
  deleteExpiredPending(now: number): Promise<void>;
}

export interface RecoveryCodesView {
  unused(userId: string): Promise<readonly RecoveryCodeRow[]>;
  countUnused(userId: string): Promise<number>;
  /** Whether the account has a set (used codes belong to it too). */
  hasSet(userId: string): Promise<boolean>;
}
export interface RecoveryCodes extends RecoveryCodesView {
  /** The whole set, only if the account has none and has a confirmed authenticator; true when written. */
  createFirstSet(userId: string, hashes: readonly string[], now: number): Promise<boolean>;
  /** Deletes the old set; writes the new one whole, only while a confirmed authenticator exists; true when written. */
  replaceSet(userId: string, hashes: readonly string[], now: number): Promise<boolean>;
  /** True for exactly one caller; the row is named by its id and hash together. */
  markUsed(row: RecoveryCodeRow, now: number): Promise<boolean>;
  deleteAll(userId: string): Promise<void>;
}

export interface TrustedComputersView {
  /** The user's, newest first, expired ones included (the caller knows the environment's days). */
  ofUser(userId: string): Promise<readonly TrustedComputerRow[]>;
  /** How many of the user's are unexpired at `now`, no older than `maxAgeMs`. */
  countLive(userId: string, now: number, maxAgeMs: number): Promise<number>;
}
export interface TrustedComputers extends TrustedComputersView {
  /** In a unit, held until it ends (a store whose units run side by side), so an ending waits for the decision made on it. */
  findByHash(tokenHash: string): Promise<TrustedComputerRow | undefined>;
  insert(row: NewTrustedComputer): Promise<void>;
  touch(id: string, now: number): Promise<void>;
  /** True when this call deleted it. */
  delete(userId: string, id: string): Promise<boolean>;
  /** The user's least recently used ones beyond the newest `keep`; how many were deleted. */
  deleteLeastRecentlyUsed(userId: string, keep: number): Promise<number>;
  /** How many computers were deleted; the user's open trust offers go too. */
  deleteForUser(userId: string): Promise<number>;
  /** Every one of the environment, offers too; how many computers were deleted. */
  deleteAll(): Promise<number>;
  /** With the computers, the user's open trust offers end too. */
  deleteExpired(now: number): Promise<void>;
  /** A trust offer: the right, for this session only and until `expiresAt`, to trust the computer once. */
  offer(row: NewTrustOffer): Promise<void>;
  /** True when this call took the live offer made to this session (it is gone for every later call). */
  takeOffer(grantHash: string, sessionTokenHash: string, now: number): Promise<boolean>;
}

export interface NewTrustOffer {
  readonly grantHash: string;
  readonly userId: string;
  readonly sessionTokenHash: string;
  readonly now: number;
  readonly expiresAt: number;
}

export interface SettingsView {
  environment(): Promise<EnvironmentSettings>;
}
export interface Settings extends SettingsView {
  update(change: Partial<EnvironmentSettings>): Promise<void>;
}

export interface ThrottleView {
  read(key: string): Promise<ThrottleState>;
}
export interface Throttle extends ThrottleView {
  /**
   * Reads the key's state and holds it until the unit's transaction ends: the per-account order. A unit
   * that checks or records an attempt claims the account's key before it reads anything it decides on,
   * then the client address's key; always in that order, so no two units wait on each other.
   */
  claim(key: string): Promise<ThrottleState>;
  put(key: string, state: ThrottleState): Promise<void>;
}

export interface AuditView {
  /** Newest first; `username` matches regardless of case. */
  recent(limit: number, username?: string): Promise<readonly AuditRecord[]>;
}
export interface Audit extends AuditView {
  /** Written in the unit's transaction, stamped with the store's clock. */
  record(entry: AuditEntry): Promise<void>;
}

export interface SsoProvidersView {
  /** Those added with `sso add`, by id. */
  all(): Promise<readonly SsoProviderRow[]>;
}
export interface SsoProviders extends SsoProvidersView {
  /** False when the id is taken. */
  insert(provider: SsoProviderRow): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

export interface SsoIdentitiesView {
  find(issuer: string, subject: string): Promise<SsoIdentityRow | undefined>;
  ofUser(userId: string): Promise<readonly SsoIdentityRow[]>;
  /** The user's identity at an issuer, if one is linked. */
  ofUserAt(userId: string, issuer: string): Promise<SsoIdentityRow | undefined>;
}
export interface SsoIdentities extends SsoIdentitiesView {
  /** False when the identity or the user's link at that issuer already exists: the caller reads again and decides. */
  link(row: Omit<SsoIdentityRow, 'lastUsedAt'>): Promise<boolean>;
  touch(issuer: string, subject: string, now: number): Promise<void>;
  unlink(userId: string, issuer: string): Promise<boolean>;
}

export interface SsoModesView {
  /** The account's own mode, or DEFAULT_SSO_MODE. */
  of(userId: string): Promise<SsoMode>;
}
export interface SsoModes extends SsoModesView {
  set(userId: string, mode: SsoMode): Promise<void>;
}

export interface SsoTransactionsView {
  find(stateHash: string): Promise<SsoTransactionRow | undefined>;
}
export interface SsoTransactions extends SsoTransactionsView {
  insert(row: SsoTransactionRow): Promise<void>;
  /** Removes and returns it, live or expired: exactly one caller gets a given transaction. */
  take(stateHash: string): Promise<SsoTransactionRow | undefined>;
  deleteForProvider(providerId: string): Promise<void>;
  deleteExpired(now: number): Promise<void>;
}

export interface SsoResults {
  insert(row: SsoResultRow & { readonly codeHash: string; readonly now: number; readonly expiresAt: number }): Promise<void>;
  /** The conditional delete that spends a code: a row for exactly one caller, none once used or expired. */
  take(codeHash: string, now: number): Promise<SsoResultRow | undefined>;
  deleteForUser(userId: string): Promise<void>;
  deleteForProvider(providerId: string): Promise<void>;
  deleteExpired(now: number): Promise<void>;
}

/** Single sign-on's data: providers added to the database, linked identities, modes, sign-ins under way, result codes. */
export interface SsoView {
  readonly providers: SsoProvidersView;
  readonly identities: SsoIdentitiesView;
  readonly modes: SsoModesView;
  readonly transactions: SsoTransactionsView;
}
export interface Sso extends SsoView {
  readonly providers: SsoProviders;
  readonly identities: SsoIdentities;
  readonly modes: SsoModes;
  readonly transactions: SsoTransactions;
  readonly results: SsoResults;
}

export interface HandoffsView {
  /** A hand-off that has not expired at `now`, without spending it. */
  find(codeHash: string, now: number): Promise<HandoffRow | undefined>;
}
export interface Handoffs extends HandoffsView {
  insert(row: HandoffRow & { readonly codeHash: string; readonly now: number }): Promise<void>;
  /** The conditional delete that spends a code: a row for exactly one caller, none once used or expired. */
  take(codeHash: string, now: number): Promise<HandoffRow | undefined>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<void>;
}

/** What `read` work may use: reads of committed data. */
export interface View {
  readonly users: UsersView;
  readonly sessions: SessionsView;
  readonly challenges: ChallengesView;
  readonly authenticators: AuthenticatorsView;
  readonly recoveryCodes: RecoveryCodesView;
  readonly trustedComputers: TrustedComputersView;
  readonly settings: SettingsView;
  readonly throttle: ThrottleView;
  readonly audit: AuditView;
  readonly sso: SsoView;
  readonly handoffs: HandoffsView;
}

/** What a unit of work may use: reads that see every unit before it, and writes. */
export interface Tx extends View {
  readonly users: Users;
  readonly sessions: Sessions;
  readonly challenges: Challenges;
  readonly authenticators: Authenticators;
  readonly recoveryCodes: RecoveryCodes;
  readonly trustedComputers: TrustedComputers;
  readonly settings: Settings;
  readonly throttle: Throttle;
  readonly audit: Audit;
  readonly sso: Sso;
  readonly handoffs: Handoffs;
}

export type Unit<T> = (tx: Tx) => Promise<T>;

export interface Store {
  /** Where the data lives, for the operator (a file path, a database URL without its password). */
  readonly location: string;
  read<T>(work: (view: View) => Promise<T>): Promise<T>;
  write<T>(unit: Unit<T>): Promise<T>;
  /** Waits for writes under way, then lets go of the database. */
  close(): Promise<void>;
}
