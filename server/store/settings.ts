import type { Db } from '../db/database.js';

export interface EnvironmentSettings {
  readonly name: string;
  readonly totpEnabled: boolean;
  readonly totpRequiredForAll: boolean;
}

export const DEFAULT_ENVIRONMENT: EnvironmentSettings = { name: 'Stepgate', totpEnabled: true, totpRequiredForAll: false };

export function settingsStore(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const read = <K extends keyof EnvironmentSettings>(key: K): EnvironmentSettings[K] => {
    const row = get.get(key) as { value: string } | undefined;
    return row === undefined ? DEFAULT_ENVIRONMENT[key] : (JSON.parse(row.value) as EnvironmentSettings[K]);
  };
  return {
    environment: (): EnvironmentSettings => ({
      name: read('name'),
      totpEnabled: read('totpEnabled'),
      totpRequiredForAll: read('totpRequiredForAll'),
    }),
    update: (change: Partial<EnvironmentSettings>): void => {
      db.transaction(() => {
        for (const [key, value] of Object.entries(change)) {
          if (value !== undefined) put.run(key, JSON.stringify(value));
        }
      })();
    },
  };
}
export type SettingsStore = ReturnType<typeof settingsStore>;
