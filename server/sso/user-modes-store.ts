import type { SsoMode } from '../../shared/api/schemas.js';
import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

/** An account without a row of its own may use SSO beside its password. */
export const DEFAULT_SSO_MODE: SsoMode = 'allowed';

export function userModesStore(db: Db) {
  return {
    of: (userId: string): SsoMode =>
      (sql(db, 'SELECT mode FROM sso_user_modes WHERE user_id = ?').get(userId) as { mode: SsoMode } | undefined)?.mode ?? DEFAULT_SSO_MODE,
    set: (userId: string, mode: SsoMode): void => {
      sql(db, 'INSERT INTO sso_user_modes (user_id, mode) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET mode = excluded.mode').run(userId, mode);
    },
  };
}
export type UserModesStore = ReturnType<typeof userModesStore>;
