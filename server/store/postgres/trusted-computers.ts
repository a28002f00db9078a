import type { TrustedComputerRow } from '../rows.js';
import type { TrustedComputers } from '../store.js';
import type { Sql } from './sql.js';

const COLUMNS = `id, user_id AS "userId", token_hash AS "tokenHash", name, created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt"`;

/**
 * Trusted computers; the token is a bearer secret for skipping the code, so only its hash is stored.
 * `lock`: in a unit, the row a sign-in decides on is held (FOR SHARE) until the unit ends, so an ending
 * that deletes it waits for that decision, and a decision made after the ending finds no row.
 */
export function postgresTrustedComputers(db: Sql, lock: string): TrustedComputers {
  return {
    ofUser: (userId) => db.rows<TrustedComputerRow>(`SELECT ${COLUMNS} FROM trusted_computers WHERE user_id = $1 ORDER BY created_at DESC, id COLLATE "C"`, [userId]),
    countLive: async (userId, now, maxAgeMs) =>
      (await db.one<{ n: number }>('SELECT COUNT(*) AS n FROM trusted_computers WHERE user_id = $1 AND expires_at > $2 AND created_at > $3', [userId, now, now - maxAgeMs]))?.n ?? 0,
    findByHash: (tokenHash) => db.one<TrustedComputerRow>(`SELECT ${COLUMNS} FROM trusted_computers WHERE token_hash = $1${lock}`, [tokenHash]),
    insert: async (r) => {
      await db.changes('INSERT INTO trusted_computers (id, user_id, token_hash, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [r.id, r.userId, r.tokenHash, r.name, r.now, r.expiresAt]);
    },
    touch: async (id, now) => {
      await db.changes('UPDATE trusted_computers SET last_used_at = $2 WHERE id = $1', [id, now]);
    },
    delete: async (userId, id) => (await db.changes('DELETE FROM trusted_computers WHERE user_id = $1 AND id = $2', [userId, id])) === 1,
    deleteLeastRecentlyUsed: (userId, keep) =>
      db.changes(
        `DELETE FROM trusted_computers WHERE user_id = $1 AND id NOT IN
           (SELECT id FROM trusted_computers WHERE user_id = $1 ORDER BY COALESCE(last_used_at, created_at) DESC, created_at DESC, id COLLATE "C" LIMIT $2)`,
        [userId, keep],
      ),
    deleteForUser: async (userId) => {
      await db.changes('DELETE FROM trust_offers WHERE user_id = $1', [userId]);
      return db.changes('DELETE FROM trusted_computers WHERE user_id = $1', [userId]);
    },
    deleteAll: async () => {
      await db.changes('DELETE FROM trust_offers');
      return db.changes('DELETE FROM trusted_computers');
    },
    deleteExpired: async (now) => {
      await db.changes('DELETE FROM trusted_computers WHERE expires_at <= $1', [now]);
      await db.changes('DELETE FROM trust_offers WHERE expires_at <= $1', [now]);
    },
    offer: async (r) => {
      await db.changes('INSERT INTO trust_offers (grant_hash, user_id, session_token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        r.grantHash,
        r.userId,
        r.sessionTokenHash,
        r.now,
        r.expiresAt,
      ]);
    },
    // One statement decides and spends it: a second taker waits on the row's lock, then finds it gone.
    takeOffer: async (grantHash, sessionTokenHash, now) =>
      (await db.changes('DELETE FROM trust_offers WHERE grant_hash = $1 AND session_token_hash = $2 AND expires_at > $3', [grantHash, sessionTokenHash, now])) === 1,
  };
}
