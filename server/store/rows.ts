/** What a store holds, as the domain sees it: the same for every store behind `Store`. */

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
  readonly disabled: boolean;
  readonly totpRequired: boolean;
  readonly createdAt: number;
}

export type SessionKind = 'full' | 'enrollment';

export interface SessionRow {
  readonly tokenHash: string;
  readonly userId: string;
  readonly kind: SessionKind;
  readonly expiresAt: number;
}

export interface ChallengeRow {
  readonly idHash: string;
  readonly userId: string;
  readonly expiresAt: number;
  readonly attemptsRemaining: number;
}

export interface AuthenticatorRow {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly secretCiphertext: Buffer;
  readonly createdAt: number;
  readonly confirmedAt: number | null;
  readonly pendingExpiresAt: number | null;
  readonly confirmAttemptsRemaining: number;
  readonly lastUsedStep: number | null;
  readonly lastUsedAt: number | null;
}

export interface NewPendingAuthenticator {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly secretCiphertext: Buffer;
  readonly now: number;
  readonly expiresAt: number;
  readonly attempts: number;
}

export interface RecoveryCodeRow {
  readonly id: number;
  readonly codeHash: string;
}

export interface EnvironmentSettings {
  readonly name: string;
  readonly totpEnabled: boolean;
  readonly totpRequiredForAll: boolean;
}

export const DEFAULT_ENVIRONMENT: EnvironmentSettings = { name: 'Stepgate', totpEnabled: true, totpRequiredForAll: false };

/** Failure bookkeeping for one key (an account's username or a client address). */
export interface ThrottleState {
  readonly consecutiveFailures: number;
  readonly lockedUntil: number;
  readonly windowStart: number;
  readonly windowFailures: number;
}

export const FRESH: ThrottleState = { consecutiveFailures: 0, lockedUntil: 0, windowStart: 0, windowFailures: 0 };

export type AuditEventName =
  | 'login_succeeded'
  | 'login_failed'
  | 'challenge_issued'
  | 'code_accepted'
  | 'code_rejected'
  | 'code_replayed'
  | 'recovery_code_used'
  | 'recovery_code_rejected'
  | 'account_locked'
  | 'address_locked'
  | 'enrollment_required'
  | 'authenticator_added'
  | 'authenticator_confirmed'
  | 'authenticator_confirm_failed'
  | 'authenticator_removed'
  | 'recovery_codes_generated'
  | 'totp_revoked'
  | 'user_created'
  | 'user_updated'
  | 'setting_changed'
  | 'logout';

export type AuditDetail = Readonly<Record<string, string | number | boolean>>;

export interface AuditEntry {
  readonly event: AuditEventName;
  readonly userId?: string | undefined;
  readonly username?: string | undefined;
  readonly clientAddress?: string | undefined;
  /** Names, ids, counts and reasons only: never a password, code, secret or token. */
  readonly detail?: AuditDetail;
}

export interface AuditRecord {
  readonly id: number;
  readonly at: number;
  readonly event: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly clientAddress: string | null;
  readonly detail: AuditDetail;
}

/** Usernames are unique regardless of case; throttling and the per-account order use the same key. */
export const usernameKey = (username: string): string => username.normalize('NFKC').toLowerCase();

/** Authenticator names are unique per account regardless of case and surrounding space. */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/** Additional data for a TOTP secret's encryption: the row's identity. */
export const secretAad = (userId: string, authenticatorId: string): string => `stepgate/totp-secret/v1/${userId}/${authenticatorId}`;
