import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

/** Where a sign-in goes back to: the desktop app's loopback redirect, or a browser page. */
export type ReturnTo =
  | { readonly kind: 'desktop'; readonly redirectUri: string; readonly state: string; readonly codeChallenge: string }
  | { readonly kind: 'browser'; readonly next: string };

/** A sign-in under way at a provider, keyed by the hash of the `state` sent to the provider. */
export interface TransactionRow {
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

interface RawTransaction {
  state_hash: string;
  provider_id: string;
  binding_hash: string;
  sealed_checks: Buffer;
  kind: 'desktop' | 'browser';
  app_redirect_uri: string | null;
  app_state: string | null;
  app_code_challenge: string | null;
  next_path: string | null;
  created_at: number;
  expires_at: number;
}

function toRow(r: RawTransaction): TransactionRow {
  const returnTo: ReturnTo =
    r.kind === 'desktop'
      ? { kind: 'desktop', redirectUri: r.app_redirect_uri ?? '', state: r.app_state ?? '', codeChallenge: r.app_code_challenge ?? '' }
      : { kind: 'browser', next: r.next_path ?? '' };
  return {
    stateHash: r.state_hash,
    providerId: r.provider_id,
    bindingHash: r.binding_hash,
    sealedChecks: r.sealed_checks,
    returnTo,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export function transactionsStore(db: Db) {
  return {
    insert: (t: TransactionRow): void => {
      const app = t.returnTo.kind === 'desktop' ? t.returnTo : undefined;
      sql(
        db,
        `INSERT INTO sso_transactions (state_hash, provider_id, binding_hash, sealed_checks, kind, app_redirect_uri, app_state, app_code_challenge, next_path, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        t.stateHash,
        t.providerId,
        t.bindingHash,
        t.sealedChecks,
        t.returnTo.kind,
        app?.redirectUri ?? null,
        app?.state ?? null,
        app?.codeChallenge ?? null,
        t.returnTo.kind === 'browser' ? t.returnTo.next : null,
        t.createdAt,
        t.expiresAt,
      );
    },
    find: (stateHash: string): TransactionRow | undefined => {
      const r = sql(db, 'SELECT * FROM sso_transactions WHERE state_hash = ?').get(stateHash) as RawTransaction | undefined;
      return r && toRow(r);
    },
    /** Removes and returns it, live or expired: exactly one caller gets a given transaction. */
    take: (stateHash: string): TransactionRow | undefined => {
      const r = sql(db, 'DELETE FROM sso_transactions WHERE state_hash = ? RETURNING *').get(stateHash) as RawTransaction | undefined;
      return r && toRow(r);
    },
    deleteForProvider: (providerId: string): void => {
      sql(db, 'DELETE FROM sso_transactions WHERE provider_id = ?').run(providerId);
    },
    deleteExpired: (now: number): void => {
      sql(db, 'DELETE FROM sso_transactions WHERE expires_at <= ?').run(now);
    },
  };
}
export type TransactionsStore = ReturnType<typeof transactionsStore>;
