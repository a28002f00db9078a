import type { HandoffRow } from '../rows.js';
import type { Handoffs } from '../store.js';
import type { Sql } from './sql.js';

const COLUMNS = 'user_id AS "userId", session_hash AS "sessionHash", next_path AS "nextPath", expires_at AS "expiresAt"';

/** The desktop app's one-time hand-offs to the browser; only the code's hash is stored. */
export function postgresHandoffs(db: Sql): Handoffs {
  return {
    find: (codeHash, now) => db.one<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE code_hash = $1 AND expires_at > $2`, [codeHash, now]),
    insert: async (r) => {
      await db.changes('INSERT INTO handoffs (code_hash, user_id, session_hash, next_path, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        r.codeHash,
        r.userId,
        r.sessionHash,
        r.nextPath,
        r.now,
        r.expiresAt,
      ]);
    },
    take: (codeHash, now) => db.one<HandoffRow>(`DELETE FROM handoffs WHERE code_hash = $1 AND expires_at > $2 RETURNING ${COLUMNS}`, [codeHash, now]),
    deleteForUser: async (userId) => {
      await db.changes('DELETE FROM handoffs WHERE user_id = $1', [userId]);
    },
    deleteExpired: async (now) => {
      await db.changes('DELETE FROM handoffs WHERE expires_at <= $1', [now]);
    },
  };
}
