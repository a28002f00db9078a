/**
 * Registry states for the policy reader, keyed by hive and key path, read through the same
 * ReadRegistryKey the app gets from native-registry.ts. The real registry API is exercised against
 * Wine's registry by test/windows/ (npm run test:windows).
 */
import type { ReadRegistryKey, RegistryKeyRead, RegistryValue } from '../../../../electron/config/windows-registry.js';

export const HKLM_KEY = 'HKLM\\Software\\Policies\\Stepgate\\Stepgate';
export const HKCU_KEY = 'HKCU\\Software\\Policies\\Stepgate\\Stepgate';

export const ACCESS_DENIED: RegistryKeyRead = { kind: 'unreadable', cause: 'the key exists but could not be opened (RegOpenKeyExW: Access is denied. (Windows error 5))' };

export const values = (entries: Readonly<Record<string, RegistryValue>>): RegistryKeyRead => ({ kind: 'read', values: entries });

/** Every key not named is absent; every key asked for is remembered. */
export function registryOf(state: Readonly<Record<string, RegistryKeyRead>>): { readonly read: ReadRegistryKey; readonly asked: string[] } {
  const asked: string[] = [];
  const read: ReadRegistryKey = (hive, subKey) => {
    const path = `${hive}\\${subKey}`;
    asked.push(path);
    return state[path] ?? { kind: 'absent' };
  };
  return { read, asked };
}
