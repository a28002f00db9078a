/**
 * Windows policy from the registry (HKLM, then HKCU, under Software\Policies\<Vendor>\<App>),
 * read by parsing `reg query` output, which needs no native module. Value names are the
 * settings' names with a capital first letter, as Group Policy templates spell them.
 */
export type RegistryValue = string | number | readonly string[];

/** Parses `reg query <key>` output into name → value; types other than SZ, EXPAND_SZ, MULTI_SZ and DWORD are skipped. */
export function parseRegQuery(output: string): Readonly<Record<string, RegistryValue>> {
  const values: Record<string, RegistryValue> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s{2,}(\S(?:.*?\S)?)\s{2,}(REG_[A-Z_]+)\s{2,}(.*?)\s*$/.exec(line) ?? /^\s{2,}(\S(?:.*?\S)?)\s{2,}(REG_[A-Z_]+)\s*$/.exec(line);
    if (match === null) continue;
    const [, name, type, data = ''] = match;
    if (name === undefined) continue;
    switch (type) {
      case 'REG_SZ':
      case 'REG_EXPAND_SZ':
        values[name] = data;
        break;
      case 'REG_MULTI_SZ':
        // reg prints the separators between strings as a literal \0.
        values[name] = data === '' ? [] : data.split('\\0').filter((s) => s !== '');
        break;
      case 'REG_DWORD': {
        const n = Number.parseInt(data, 16);
        if (Number.isFinite(n)) values[name] = n;
        break;
      }
      default:
        break;
    }
  }
  return values;
}

/** Maps registry value names (ServerUrl) onto setting names (serverUrl). */
export function registryToSettings(values: Readonly<Record<string, RegistryValue>>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    settings[name.charAt(0).toLowerCase() + name.slice(1)] = value;
  }
  return settings;
}

export type RunCommand = (file: string, args: readonly string[]) => Promise<{ readonly code: number; readonly stdout: string }>;

export function policyKeyPath(hive: 'HKLM' | 'HKCU', vendor: string, app: string): string {
  return `${hive}\\Software\\Policies\\${vendor}\\${app}`;
}

/** Reads one policy key; a missing key (reg exits 1) means no policy. */
export async function readRegistryPolicy(run: RunCommand, keyPath: string): Promise<Record<string, unknown> | undefined> {
  const { code, stdout } = await run('reg', ['query', keyPath]);
  if (code !== 0) return undefined;
  return registryToSettings(parseRegQuery(stdout));
}
