import { usernameKey, type UserRow } from '../rows.js';
import type { Users } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

export interface RawUser {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  totp_required: number;
  created_at: number;
}

export const toUser = (r: RawUser): UserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  isAdmin: r.is_admin === 1,
  disabled: r.disabled === 1,
  totpRequired: r.totp_required === 1,
  createdAt: r.created_at,
});

export function sqliteUsers(db: Db): Users {
  const byId = sql(db, 'SELECT * FROM users WHERE id = ?');
  const byKey = sql(db, 'SELECT * FROM users WHERE username_key = ?');
  return {
    byId: async (id) => {
      const r = byId.get(id) as RawUser | undefined;
      return r && toUser(r);
    },
    byUsername: async (username) => {
      const r = byKey.get(usernameKey(username)) as RawUser | undefined;
      return r && toUser(r);
    },
    search: async (text) => {
      const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      const rows = sql(
        db,
        `SELECT * FROM users WHERE username_key LIKE @pattern ESCAPE '\\' OR lower(display_name) LIKE @pattern ESCAPE '\\'
         ORDER BY username_key LIMIT 500`,
      ).all({ pattern: `%${escaped}%` }) as RawUser[];
      return rows.map(toUser);
    },
    ids: async () => (sql(db, 'SELECT id FROM users').pluck().all() as string[]),
    insert: async (u) => {
      sql(
        db,
        `INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, disabled, totp_required, created_at)
         VALUES (@id, @username, @key, @displayName, @passwordHash, @isAdmin, 0, @totpRequired, @createdAt)`,
      ).run({
        id: u.id,
        username: u.username,
        key: usernameKey(u.username),
        displayName: u.displayName,
        passwordHash: u.passwordHash,
        isAdmin: u.isAdmin ? 1 : 0,
        totpRequired: u.totpRequired ? 1 : 0,
        createdAt: u.createdAt,
      });
    },
    setTotpRequired: async (id, value) => {
      sql(db, 'UPDATE users SET totp_required = ? WHERE id = ?').run(value ? 1 : 0, id);
    },
    setDisabled: async (id, value) => {
      sql(db, 'UPDATE users SET disabled = ? WHERE id = ?').run(value ? 1 : 0, id);
    },
    setPasswordHash: async (id, passwordHash) => {
      sql(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
    },
  };
}
