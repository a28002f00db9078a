import { environmentFrom, settingsRows } from '../settings-values.js';
import type { Settings } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

export function sqliteSettings(db: Db): Settings {
  const all = sql(db, 'SELECT key, value FROM settings');
  const put = sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    environment: async () => environmentFrom(all.all() as { key: string; value: string }[]),
    update: async (change) => {
      for (const [key, value] of settingsRows(change)) put.run(key, value);
    },
  };
}
