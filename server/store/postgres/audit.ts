import type { Clock } from '../../clock.js';
import type { AuditDetail, AuditRecord } from '../rows.js';
import type { Audit } from '../store.js';
import type { Sql } from './sql.js';

const COLUMNS = 'id, at, event, user_id AS "userId", username, client_address AS "clientAddress", detail';

export function postgresAudit(db: Sql, clock: Clock): Audit {
  return {
    record: async (e) => {
      await db.changes('INSERT INTO audit_events (at, event, user_id, username, client_address, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
        clock.now(),
        e.event,
        e.userId ?? null,
        e.username ?? null,
        e.clientAddress ?? null,
        e.detail === undefined ? '{}' : JSON.stringify(e.detail),
      ]);
    },
    recent: async (limit, username) => {
      const rows =
        username === undefined
          ? await db.rows<Omit<AuditRecord, 'detail'> & { detail: string }>(`SELECT ${COLUMNS} FROM audit_events ORDER BY id DESC LIMIT $1`, [limit])
          : await db.rows<Omit<AuditRecord, 'detail'> & { detail: string }>(`SELECT ${COLUMNS} FROM audit_events WHERE lower(username) = lower($2) ORDER BY id DESC LIMIT $1`, [
              limit,
              username,
            ]);
      return rows.map((r): AuditRecord => ({ ...r, detail: JSON.parse(r.detail) as AuditDetail }));
    },
  };
}
