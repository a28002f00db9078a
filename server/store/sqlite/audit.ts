import type { Clock } from '../../clock.js';
import type { AuditDetail, AuditRecord } from '../rows.js';
import type { Audit } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

interface RawRecord {
  id: number;
  at: number;
  event: string;
  user_id: string | null;
  username: string | null;
  client_address: string | null;
  detail: string;
}

export function sqliteAudit(db: Db, clock: Clock): Audit {
  const insert = sql(db, 'INSERT INTO audit_events (at, event, user_id, username, client_address, detail) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    record: async (e) => {
      insert.run(clock.now(), e.event, e.userId ?? null, e.username ?? null, e.clientAddress ?? null, e.detail === undefined ? '{}' : JSON.stringify(e.detail));
    },
    recent: async (limit, username) => {
      const rows = (
        username === undefined
          ? sql(db, 'SELECT * FROM audit_events ORDER BY id DESC LIMIT ?').all(limit)
          : sql(db, 'SELECT * FROM audit_events WHERE lower(username) = lower(?) ORDER BY id DESC LIMIT ?').all(username, limit)
      ) as RawRecord[];
      return rows.map(
        (r): AuditRecord => ({
          id: r.id,
          at: r.at,
          event: r.event,
          userId: r.user_id,
          username: r.username,
          clientAddress: r.client_address,
          detail: JSON.parse(r.detail) as AuditDetail,
        }),
      );
    },
  };
}
