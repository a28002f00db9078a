import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

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

interface RawUser {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  disabled: number;
  totp_required: number;
  created_at: number;
}

const toUser = (r: RawUser): UserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  passwordHash: r.password_hash,
  isAdmin: r.is_admin === 1,
  disabled: r.disabled === 1,
  totpRequired: r.totp_required === 1,
  createdAt: r.created_at,
});

/** Usernames are unique regardless of case; throttling uses the same key. */
export const usernameKey = (username: string): string => username.normalize('NFKC').toLowerCase();

export function usersStore(db: Db) {
  const byId = sql(db, 'SELECT * FROM users WHERE id = ?');
  const byKey = sql(db, 'SELECT * FROM users WHERE username_key = ?');
  const insert = sql(db, 
    `INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, disabled, totp_required, created_at)
     VALUES (@id, @username, @key, @displayName, @passwordHash, @isAdmin, 0, @totpRequired, @createdAt)`,
  );
  const search = sql(db, 
    `SELECT * FROM users WHERE username_key LIKE @pattern ESCAPE '\\' OR lower(display_name) LIKE @pattern ESCAPE '\\'
     ORDER BY username_key LIMIT 500`,
  );
  return {
    byId: (id: string): UserRow | undefined => {
      const r = byId.get(id) as RawUser | undefined;
      return r && toUser(r);
    },
    byUsername: (username: string): UserRow | undefined => {
      const r = byKey.get(usernameKey(username)) as RawUser | undefined;
      return r && toUser(r);
    },
    insert: (u: Omit<UserRow, 'disabled'>): void => {
      insert.run({
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
    search: (text: string): readonly UserRow[] => {
      const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      return (search.all({ pattern: `%${escaped}%` }) as RawUser[]).map(toUser);
    },
    setTotpRequired: (id: string, value: boolean): void => {
      sql(db, 'UPDATE users SET totp_required = ? WHERE id = ?').run(value ? 1 : 0, id);
    },
    setDisabled: (id: string, value: boolean): void => {
      sql(db, 'UPDATE users SET disabled = ? WHERE id = ?').run(value ? 1 : 0, id);
    },
  };
}
export type UsersStore = ReturnType<typeof usersStore>;
