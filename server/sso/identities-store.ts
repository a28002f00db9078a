import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

/** An identity at a provider (issuer + subject) linked to one Stepgate account, for good. */
export interface IdentityRow {
  readonly issuer: string;
  readonly subject: string;
  readonly userId: string;
  readonly providerId: string;
  readonly linkedAt: number;
  readonly lastUsedAt: number | null;
}

const COLUMNS = 'issuer, subject, user_id AS userId, provider_id AS providerId, linked_at AS linkedAt, last_used_at AS lastUsedAt';

export function identitiesStore(db: Db) {
  return {
    find: (issuer: string, subject: string): IdentityRow | undefined =>
      sql(db, `SELECT ${COLUMNS} FROM sso_identities WHERE issuer = ? AND subject = ?`).get(issuer, subject) as IdentityRow | undefined,
    ofUser: (userId: string): readonly IdentityRow[] =>
      sql(db, `SELECT ${COLUMNS} FROM sso_identities WHERE user_id = ? ORDER BY issuer`).all(userId) as IdentityRow[],
    /** The user's identity at an issuer, if one is linked. */
    ofUserAt: (userId: string, issuer: string): IdentityRow | undefined =>
      sql(db, `SELECT ${COLUMNS} FROM sso_identities WHERE user_id = ? AND issuer = ?`).get(userId, issuer) as IdentityRow | undefined,
    /** False when the identity or the user's link at that issuer already exists: the caller re-reads and decides. */
    link: (row: Omit<IdentityRow, 'lastUsedAt'>): boolean =>
      sql(db, 'INSERT INTO sso_identities (issuer, subject, user_id, provider_id, linked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(row.issuer, row.subject, row.userId, row.providerId, row.linkedAt).changes === 1,
    touch: (issuer: string, subject: string, now: number): void => {
      sql(db, 'UPDATE sso_identities SET last_used_at = ? WHERE issuer = ? AND subject = ?').run(now, issuer, subject);
    },
    unlink: (userId: string, issuer: string): boolean =>
      sql(db, 'DELETE FROM sso_identities WHERE user_id = ? AND issuer = ?').run(userId, issuer).changes === 1,
  };
}
export type IdentitiesStore = ReturnType<typeof identitiesStore>;
