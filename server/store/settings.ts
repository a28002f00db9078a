import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';

export interface EnvironmentSettings {
  readonly name: string;
  readonly totpEnabled: boolean;
  readonly totpRequiredForAll: boolean;
  /** Everyone signs in through an identity provider, except accounts whose SSO mode is off. */
  readonly ssoRequiredForAll: boolean;
}

export const DEFAULT_ENVIRONMENT: EnvironmentSettings = { name: 'Stepgate', totpEnabled: true, totpRequiredForAll: false, ssoRequiredForAll: false };

/** A requirement that is stored but unreadable stops the sign-in (fail closed) rather than counting as off. */
function requiredFlag(value: unknown, absent: boolean): boolean {
  if (value === undefined) return absent;
  if (typeof value !== 'boolean') throw new Error('A stored sign-in requirement cannot be read; set it again.');
  return value;
}

export function settingsStore(db: Db) {
  const put = (key: string, value: unknown) =>
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  return {
    /** Read on every sign-in rather than cached, so `env set` from the command line applies at once. */
    environment: (): EnvironmentSettings => {
      const rows = sql(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
      const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
      return {
        name: typeof stored['name'] === 'string' ? stored['name'] : DEFAULT_ENVIRONMENT.name,
        totpEnabled: typeof stored['totpEnabled'] === 'boolean' ? stored['totpEnabled'] : DEFAULT_ENVIRONMENT.totpEnabled,
        totpRequiredForAll: typeof stored['totpRequiredForAll'] === 'boolean' ? stored['totpRequiredForAll'] : DEFAULT_ENVIRONMENT.totpRequiredForAll,
        ssoRequiredForAll: requiredFlag(stored['ssoRequiredForAll'], DEFAULT_ENVIRONMENT.ssoRequiredForAll),
      };
    },
    /** Part of the caller's write transaction. */
    update: (change: Partial<EnvironmentSettings>): void => {
      for (const [key, value] of Object.entries(change)) {
        if (value !== undefined) put(key, value);
      }
    },
  };
}
export type SettingsStore = ReturnType<typeof settingsStore>;
