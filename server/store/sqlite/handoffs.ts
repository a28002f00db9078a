import type { HandoffRow } from '../rows.js';
import type { Handoffs } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

const COLUMNS = 'user_id AS userId, session_hash AS sessionHash, next_path AS nextPath, expires_at AS expiresAt';

/** The desktop app's one-time hand-offs to the browser; only the code's hash is stored. */
export function sqliteHandoffs(db: Db): Handoffs {
  return {
    find: async (codeHash, now) => sql(db, `SELECT ${COLUMNS} FROM handoffs WHERE code_hash = ? AND expires_at > ?`).get(codeHash, now) as HandoffRow | undefined,
    insert: async (r) => {
      sql(db, 'INSERT INTO handoffs (code_hash, user_id, session_hash, next_path, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        r.codeHash,
        r.userId,
        r.sessionHash,
        r.nextPath,
        r.now,
        r.expiresAt,
      );
    },
    take: async (codeHash, now) => sql(db, `DELETE FROM handoffs WHERE code_hash = ? AND expires_at > ? RETURNING ${COLUMNS}`).get(codeHash, now) as HandoffRow | undefined,
    deleteForUser: async (userId) => {
      sql(db, 'DELETE FROM handoffs WHERE user_id = ?').run(userId);
    },
    deleteExpired: async (now) => {
      sql(db, 'DELETE FROM handoffs WHERE expires_at <= ?').run(now);
    },
  };
}
