import { usernameKey, type UserRow } from '../rows.js';
import type { Users } from '../store.js';
import type { Sql } from './sql.js';

export const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.password_hash AS "passwordHash", u.is_admin AS "isAdmin",
  u.disabled, u.totp_required AS "totpRequired", u.created_at AS "createdAt"`;

/**
 * `lock`: in a unit of work, a user read is held (FOR SHARE) until the unit ends, so a change to the
 * user waits for the decisions made on it, and a decision made after the change sees it.
 */
export function postgresUsers(db: Sql, lock: string): Users {
  return {
    byId: (id) => db.one<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1${lock}`, [id]),
    byUsername: (username) => db.one<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username_key = $1${lock}`, [usernameKey(username)]),
    search: (text) => {
      const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      // COLLATE "C": the same order as SQLite's, whatever the database's locale.
      return db.rows<UserRow>(
        `SELECT ${USER_COLUMNS} FROM users u WHERE u.username_key LIKE $1 OR lower(u.display_name) LIKE $1
         ORDER BY u.username_key COLLATE "C" LIMIT 500`,
        [`%${escaped}%`],
      );
    },
    ids: async () => (await db.rows<{ id: string }>('SELECT id FROM users')).map((r) => r.id),
    insert: async (u) => {
      await db.changes(
        `INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, disabled, totp_required, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)`,
        [u.id, u.username, usernameKey(u.username), u.displayName, u.passwordHash, u.isAdmin, u.totpRequired, u.createdAt],
      );
    },
    setTotpRequired: async (id, value) => {
      await db.changes('UPDATE users SET totp_required = $2 WHERE id = $1', [id, value]);
    },
    setDisabled: async (id, value) => {
      await db.changes('UPDATE users SET disabled = $2 WHERE id = $1', [id, value]);
    },
    setPasswordHash: async (id, passwordHash) => {
      await db.changes('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
  };
}
