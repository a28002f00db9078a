import { environmentFrom, settingsRows } from '../settings-values.js';
import type { Settings } from '../store.js';
import type { Sql } from './sql.js';

/**
 * `lock`: as for users (users.ts). A setting may have no row yet, so a unit holds the one row of
 * settings_version instead, which every change updates first.
 */
export function postgresSettings(db: Sql, lock: string): Settings {
  return {
    environment: async () => {
      if (lock !== '') await db.one(`SELECT version FROM settings_version WHERE id = 1${lock}`);
      return environmentFrom(await db.rows<{ key: string; value: string }>('SELECT key, value FROM settings'));
    },
    update: async (change) => {
      await db.changes('UPDATE settings_version SET version = version + 1 WHERE id = 1');
      for (const [key, value] of settingsRows(change)) {
        await db.changes('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
      }
    },
  };
}
