/**
 * Windows policy from the registry (HKLM, then HKCU, under Software\Policies\<Vendor>\<App>), read
 * in-process through the registry API (native-registry.ts), as Chrome, Edge and VS Code do. No
 * reg.exe: AppLocker, WDAC or "Prevent access to registry editing tools" block that tool, not the
 * API, and a key that is not there is told apart from one that may not be read by the API's own
 * error code rather than by localised text.
 *
 * Only a key that exists and cannot be read is unreadable (fail closed); a missing key is no policy.
 */
import { policyFromRead, type PolicyRead } from './policy-read.js';
import { registryName, SETTING_KEYS, SETTINGS, type SettingProblem } from './settings.js';
import type { RegistryData, RegistryType } from './setting-kinds.js';

/**
 * A value as the registry holds it. Types the settings never take (REG_BINARY, REG_QWORD, ...) keep
 * their name and no data, so a setting written with one is refused by name rather than skipped.
 */
export type RegistryValue = { readonly type: RegistryType; readonly data: RegistryData } | { readonly type: `REG_${string}`; readonly data: null };

export type RegistryHive = 'HKLM' | 'HKCU';

/** What opening one key and reading its values came to. */
export type RegistryKeyRead =
  | { readonly kind: 'absent' }
  | { readonly kind: 'read'; readonly values: Readonly<Record<string, RegistryValue>> }
  | { readonly kind: 'unreadable'; readonly cause: string };

/** Reads one key's values in the 64-bit view (`subKey` without the hive). */
export type ReadRegistryKey = (hive: RegistryHive, subKey: string) => RegistryKeyRead;

const isAccepted = (types: readonly RegistryType[], value: RegistryValue): value is { readonly type: RegistryType; readonly data: RegistryData } =>
  value.data !== null && (types as readonly string[]).includes(value.type);

/**
 * Maps registry values onto settings by the table's value names (compared without case, as the
 * registry does), refusing data of a type the setting's kind does not take.
 */
export function registryToSettings(
  source: string,
  values: Readonly<Record<string, RegistryValue>>,
): { readonly raw: Readonly<Record<string, unknown>>; readonly problems: readonly SettingProblem[] } {
  const raw: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    // A key's unnamed default value is no setting; tools such as reg.exe give new keys one.
    if (name === '') continue;
    const key = SETTING_KEYS.find((k) => registryName(k).toLowerCase() === name.toLowerCase());
    if (key === undefined) {
      // Reported under its own name as an unknown setting by the checks that follow.
      raw[name] = value.data;
      continue;
    }
    const kind = SETTINGS[key].kind;
    if (!isAccepted(kind.registryTypes, value)) {
      problems.push({ source, key, reason: `is ${value.type}, but must be ${kind.registryTypes.join(' or ')}` });
      continue;
    }
    raw[key] = kind.fromRegistry(value.data);
  }
  return { raw, problems };
}

export function policySubKey(vendor: string, app: string): string {
  return `Software\\Policies\\${vendor}\\${app}`;
}

export function policyKeyPath(hive: RegistryHive, vendor: string, app: string): string {
  return `${hive}\\${policySubKey(vendor, app)}`;
}

/** Reads one policy key: absent, its values, or unreadable with the cause. */
export function readRegistryPolicy(readKey: ReadRegistryKey, hive: RegistryHive, vendor: string, app: string): PolicyRead {
  return policyFromRead(readKey(hive, policySubKey(vendor, app)), (read) => {
    const { raw, problems } = registryToSettings(policyKeyPath(hive, vendor, app), read.values);
    return { kind: 'found', raw, problems };
  });
}

/** Both policy keys, machine first: each named by its path, with what reading it came to. */
export function readWindowsPolicy(readKey: ReadRegistryKey, vendor: string, app: string): readonly { readonly name: string; readonly read: PolicyRead }[] {
  return (['HKLM', 'HKCU'] as const).map((hive) => ({ name: policyKeyPath(hive, vendor, app), read: readRegistryPolicy(readKey, hive, vendor, app) }));
}
