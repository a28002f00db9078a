import { DEFAULT_ENVIRONMENT, type EnvironmentSettings } from './rows.js';

/** A requirement that is stored but unreadable stops the sign-in (fail closed) rather than counting as off. */
function requiredFlag(value: unknown, absent: boolean): boolean {
  if (value === undefined) return absent;
  if (typeof value !== 'boolean') throw new Error('A stored sign-in requirement cannot be read; set it again.');
  return value;
}

/** The environment from stored settings (JSON values by key); a missing value is its default. */
export function environmentFrom(rows: readonly { readonly key: string; readonly value: string }[]): EnvironmentSettings {
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const name = stored.get('name');
  const totpEnabled = stored.get('totpEnabled');
  const totpRequiredForAll = stored.get('totpRequiredForAll');
  return {
    name: typeof name === 'string' ? name : DEFAULT_ENVIRONMENT.name,
    totpEnabled: typeof totpEnabled === 'boolean' ? totpEnabled : DEFAULT_ENVIRONMENT.totpEnabled,
    totpRequiredForAll: typeof totpRequiredForAll === 'boolean' ? totpRequiredForAll : DEFAULT_ENVIRONMENT.totpRequiredForAll,
    ssoRequiredForAll: requiredFlag(stored.get('ssoRequiredForAll'), DEFAULT_ENVIRONMENT.ssoRequiredForAll),
  };
}

/** The changed settings as stored: JSON values by key. */
export const settingsRows = (change: Partial<EnvironmentSettings>): readonly (readonly [string, string])[] =>
  Object.entries(change).flatMap(([key, value]) => (value === undefined ? [] : [[key, JSON.stringify(value)] as const]));
