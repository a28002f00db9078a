import type { TrustedComputerRow } from '../rows.js';
import type { TrustedComputers } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

const COLUMNS = `id, user_id AS userId, token_hash AS tokenHash, name, created_at AS createdAt, last_used_at AS lastUsedAt, expires_at AS expiresAt`;

/** Trusted computers; the token is a bearer secret for skipping the code, so only its hash is stored. */
export function sqliteTrustedComputers(db: Db): TrustedComputers {
  const byHash = sql(db, `SELECT ${COLUMNS} FROM trusted_computers WHERE token_hash = ?`);
  return {
    ofUser: async (userId) => sql(db, `SELECT ${COLUMNS} FROM trusted_computers WHERE user_id = ? ORDER BY created_at DESC, id`).all(userId) as TrustedComputerRow[],
    countLive: async (userId, now, maxAgeMs) =>
      (sql(db, 'SELECT COUNT(*) AS n FROM trusted_computers WHERE user_id = ? AND expires_at > ? AND created_at > ?').get(userId, now, now - maxAgeMs) as { n: number }).n,
    findByHash: async (tokenHash) => byHash.get(tokenHash) as TrustedComputerRow | undefined,
    insert: async (r) => {
      sql(db, 'INSERT INTO trusted_computers (id, user_id, token_hash, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(r.id, r.userId, r.tokenHash, r.name, r.now, r.expiresAt);
    },
    touch: async (id, now) => {
      sql(db, 'UPDATE trusted_computers SET last_used_at = ? WHERE id = ?').run(now, id);
    },
    delete: async (userId, id) => sql(db, 'DELETE FROM trusted_computers WHERE user_id = ? AND id = ?').run(userId, id).changes === 1,
    deleteLeastRecentlyUsed: async (userId, keep) =>
      sql(
        db,
        `DELETE FROM trusted_computers WHERE user_id = ? AND id NOT IN
           (SELECT id FROM trusted_computers WHERE user_id = ? ORDER BY COALESCE(last_used_at, created_at) DESC, created_at DESC, id LIMIT ?)`,
      ).run(userId, userId, keep).changes,
    deleteForUser: async (userId) => {
      sql(db, 'DELETE FROM trust_offers WHERE user_id = ?').run(userId);
      return sql(db, 'DELETE FROM trusted_computers WHERE user_id = ?').run(userId).changes;
    },
    deleteAll: async () => {
      sql(db, 'DELETE FROM trust_offers').run();
      return sql(db, 'DELETE FROM trusted_computers').run().changes;
    },
    deleteExpired: async (now) => {
      sql(db, 'DELETE FROM trusted_computers WHERE expires_at <= ?').run(now);
      sql(db, 'DELETE FROM trust_offers WHERE expires_at <= ?').run(now);
    },
    offer: async (r) => {
      sql(db, 'INSERT INTO trust_offers (grant_hash, user_id, session_token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        r.grantHash,
        r.userId,
        r.sessionTokenHash,
        r.now,
        r.expiresAt,
      );
    },
    // One statement decides and spends it: two takers cannot both see it live.
    takeOffer: async (grantHash, sessionTokenHash, now) =>
      sql(db, 'DELETE FROM trust_offers WHERE grant_hash = ? AND session_token_hash = ? AND expires_at > ?').run(grantHash, sessionTokenHash, now).changes === 1,
  };
}
