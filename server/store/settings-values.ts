import { DEFAULT_ENVIRONMENT, MAX_TRUSTED_COMPUTER_DAYS, type EnvironmentSettings } from './rows.js';

/** A requirement that is stored but unreadable stops the sign-in (fail closed) rather than counting as off. */
function requiredFlag(value: unknown, absent: boolean): boolean {
  if (value === undefined) return absent;
  if (typeof value !== 'boolean') throw new Error('A stored sign-in requirement cannot be read; set it again.');
  return value;
}

/** A stored number of days that is not one stops the sign-in (fail closed) rather than counting as off. */
function storedDays(value: unknown): number {
  if (value === undefined) return DEFAULT_ENVIRONMENT.trustedComputerDays;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TRUSTED_COMPUTER_DAYS) {
    throw new Error('The stored trusted-computer days cannot be read; set them again.');
  }
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
    trustedComputerDays: storedDays(stored.get('trustedComputerDays')),
  };
}

/** The changed settings as stored: JSON values by key. */
export const settingsRows = (change: Partial<EnvironmentSettings>): readonly (readonly [string, string])[] =>
  Object.entries(change).flatMap(([key, value]) => (value === undefined ? [] : [[key, JSON.stringify(value)] as const]));
