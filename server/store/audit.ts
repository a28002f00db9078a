import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

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
  | 'sso_provider_removed';

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

export function auditStore(db: Db) {
  const insert = sql(db, 
    'INSERT INTO audit_events (at, event, user_id, username, client_address, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    record: (at: number, e: AuditEntry): void => {
      insert.run(at, e.event, e.userId ?? null, e.username ?? null, e.clientAddress ?? null, JSON.stringify(e.detail ?? {}));
    },
    recent: (limit: number, username?: string): readonly AuditRecord[] => {
      const rows = (
        username === undefined
          ? sql(db, 'SELECT * FROM audit_events ORDER BY id DESC LIMIT ?').all(limit)
          : sql(db, 'SELECT * FROM audit_events WHERE lower(username) = lower(?) ORDER BY id DESC LIMIT ?').all(username, limit)
      ) as { id: number; at: number; event: string; user_id: string | null; username: string | null; client_address: string | null; detail: string }[];
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        event: r.event,
        userId: r.user_id,
        username: r.username,
        clientAddress: r.client_address,
        detail: JSON.parse(r.detail) as AuditDetail,
      }));
    },
  };
}
export type AuditStore = ReturnType<typeof auditStore>;
