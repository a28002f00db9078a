import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';
import { hashToken, randomToken } from '../crypto/tokens.js';

export type SessionKind = 'full' | 'enrollment';

export interface SessionRow {
  readonly tokenHash: string;
  readonly userId: string;
  readonly kind: SessionKind;
  readonly expiresAt: number;
}

/** Opaque random tokens; only their SHA-256 is stored, so the database cannot replay a session. */
export function sessionsStore(db: Db) {
  const insert = sql(db, 'INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const find = sql(db, 
    'SELECT token_hash AS tokenHash, user_id AS userId, kind, expires_at AS expiresAt FROM sessions WHERE token_hash = ? AND expires_at > ?',
  );
  return {
    create: (userId: string, kind: SessionKind, now: number, ttlSeconds: number) => {
      const token = randomToken('sgs');
      const expiresAt = now + ttlSeconds * 1000;
      insert.run(hashToken(token), userId, kind, now, expiresAt);
      return { token, tokenHash: hashToken(token), expiresAt } as const;
    },
    find: (token: string, now: number): SessionRow | undefined => find.get(hashToken(token), now) as SessionRow | undefined,
    findByHash: (tokenHash: string, now: number): SessionRow | undefined => find.get(tokenHash, now) as SessionRow | undefined,
    /** True when this call ended the session: a session is ended, or exchanged, once. */
    delete: (tokenHash: string): boolean => sql(db, 'DELETE FROM sessions WHERE token_hash = ?').run(tokenHash).changes === 1,
    /** Consumes an enrollment session; true for exactly one caller, so it is exchanged for at most one full session. */
    consumeEnrollment: (tokenHash: string): boolean =>
      sql(db, "DELETE FROM sessions WHERE token_hash = ? AND kind = 'enrollment'").run(tokenHash).changes === 1,
    deleteForUser: (userId: string, exceptTokenHash?: string): void => {
      sql(db, 'DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?').run(userId, exceptTokenHash ?? null);
    },
    deleteEnrollmentForUser: (userId: string): void => {
      sql(db, "DELETE FROM sessions WHERE user_id = ? AND kind = 'enrollment'").run(userId);
    },
    deleteExpired: (now: number): void => {
      sql(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(now);
    },
  };
}
export type SessionsStore = ReturnType<typeof sessionsStore>;
