/** What a store holds, as the domain sees it: the same for every store behind `Store`. */
import type { HandoffPath, SsoMode } from '../../shared/api/schemas.js';

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
  /** Everyone signs in through an identity provider, except accounts whose SSO mode is off. */
  readonly ssoRequiredForAll: boolean;
  /** The most days a computer may skip the code after one; 0: no computer is trusted. */
  readonly trustedComputerDays: number;
}

export const DEFAULT_ENVIRONMENT: EnvironmentSettings = {
  name: 'Stepgate',
  totpEnabled: true,
  totpRequiredForAll: false,
  ssoRequiredForAll: false,
  trustedComputerDays: 0,
};

export const MAX_TRUSTED_COMPUTER_DAYS = 365;

/** A computer that skips the code with its token (only the token's hash is stored) until it expires. */
export interface TrustedComputerRow {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** As granted; the environment's days may end it sooner (see server/trusted/trust.ts). */
  readonly expiresAt: number;
}

export interface NewTrustedComputer {
  readonly id: string;
  readonly userId: string;
  /** SHA-256 of the token, which only the computer keeps. */
  readonly tokenHash: string;
  readonly name: string;
  readonly now: number;
  readonly expiresAt: number;
}

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
  | 'password_locked'
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
  | 'logout'
  | 'sso_started'
  | 'sso_cancelled'
  | 'sso_failed'
  | 'sso_identity_linked'
  | 'sso_identity_unlinked'
  | 'sso_claim_changed'
  | 'sso_result_issued'
  | 'sso_result_rejected'
  | 'sso_provider_added'
  | 'sso_provider_removed'
  | 'password_changed'
  | 'password_change_failed'
  | 'trusted_computer_added'
  | 'trusted_computer_used'
  | 'trusted_computer_refused'
  | 'trusted_computer_revoked'
  | 'trusted_computers_ended'
  | 'handoff_issued'
  | 'handoff_used'
  | 'handoff_rejected';

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
export { usernameKey } from '../../shared/api/username-key.js';

/** Authenticator names are unique per account regardless of case and surrounding space. */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/** Additional data for a TOTP secret's encryption: the row's identity. */
export const secretAad = (userId: string, authenticatorId: string): string => `stepgate/totp-secret/v1/${userId}/${authenticatorId}`;

/** A provider added with `sso add`: its settings and its sealed credential. */
export interface SsoProviderRow {
  readonly id: string;
  readonly displayName: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientAuth: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  readonly keyId: string | undefined;
  readonly scopes: readonly string[];
  readonly usernameClaim: string;
  readonly unknownUsers: 'refuse' | 'create';
  readonly credentialCiphertext: Buffer;
  readonly createdAt: number;
}

/** An identity at a provider (issuer + subject) linked to one Stepgate account, for good. */
export interface SsoIdentityRow {
  readonly issuer: string;
  readonly subject: string;
  readonly userId: string;
  readonly providerId: string;
  readonly linkedAt: number;
  readonly lastUsedAt: number | null;
}

/** An account without a mode of its own may use SSO beside its password. */
export const DEFAULT_SSO_MODE: SsoMode = 'allowed';

/** Where a sign-in through a provider goes back to: the desktop app's loopback redirect, or a browser page. */
export type ReturnTo =
  | { readonly kind: 'desktop'; readonly redirectUri: string; readonly state: string; readonly codeChallenge: string }
  | { readonly kind: 'browser'; readonly next: string };

/** A sign-in under way at a provider, keyed by the hash of the `state` sent to the provider. */
export interface SsoTransactionRow {
  readonly stateHash: string;
  readonly providerId: string;
  /** Hash of the random value in the browser's binding cookie: the answer must come back to the browser that started. */
  readonly bindingHash: string;
  /** The provider-side PKCE verifier and nonce, sealed with the state hash as additional data. */
  readonly sealedChecks: Buffer;
  readonly returnTo: ReturnTo;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A desktop sign-in's one-time result code, bound to the app's PKCE challenge; only its hash is stored. */
export interface SsoResultRow {
  readonly userId: string;
  readonly providerId: string;
  readonly codeChallenge: string;
}

/**
 * A desktop app's one-time hand-off to the browser, found by its code's hash: it signs the browser in as
 * the session that asked for it, while that session lives.
 */
export interface HandoffRow {
  readonly userId: string;
  readonly sessionHash: string;
  readonly nextPath: HandoffPath;
  readonly expiresAt: number;
}
