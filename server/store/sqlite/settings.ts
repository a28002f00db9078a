import { DEFAULT_ENVIRONMENT, type EnvironmentSettings } from '../rows.js';
import type { Settings } from '../store.js';
import type { Db } from './database.js';
import { sql } from './statements.js';

/** A requirement that is stored but unreadable stops the sign-in (fail closed) rather than counting as off. */
function requiredFlag(value: unknown, absent: boolean): boolean {
  if (value === undefined) return absent;
  if (typeof value !== 'boolean') throw new Error('A stored sign-in requirement cannot be read; set it again.');
  return value;
}

export function sqliteSettings(db: Db): Settings {
  const all = sql(db, 'SELECT key, value FROM settings');
  const put = sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    environment: async (): Promise<EnvironmentSettings> => {
      const stored = new Map((all.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value) as unknown]));
      const name = stored.get('name');
      const totpEnabled = stored.get('totpEnabled');
      const totpRequiredForAll = stored.get('totpRequiredForAll');
      const ssoRequiredForAll = stored.get('ssoRequiredForAll');
      return {
        name: typeof name === 'string' ? name : DEFAULT_ENVIRONMENT.name,
        totpEnabled: typeof totpEnabled === 'boolean' ? totpEnabled : DEFAULT_ENVIRONMENT.totpEnabled,
        totpRequiredForAll: typeof totpRequiredForAll === 'boolean' ? totpRequiredForAll : DEFAULT_ENVIRONMENT.totpRequiredForAll,
        ssoRequiredForAll: requiredFlag(ssoRequiredForAll, DEFAULT_ENVIRONMENT.ssoRequiredForAll),
      };
    },
    update: async (change) => {
      for (const [key, value] of Object.entries(change)) {
        if (value !== undefined) put.run(key, JSON.stringify(value));
      }
    },
  };
}
