/**
 * Windows policy from the registry (HKLM, then HKCU, under Software\Policies\<Vendor>\<App>), read
 * with `reg query`, which needs no native module. reg.exe is called by its absolute path under
 * %SystemRoot% (never through PATH, where anyone can put a fake one first) and with /reg:64, so a
 * 32-bit build reads the same view Group Policy writes, not WOW6432Node.
 *
 * reg.exe answers exit code 1 both for a key that does not exist and for one it may not read, and
 * says which only in localised text. So a failed query is followed by a look at the parent key:
 * the key is absent only when its parent can be listed and does not list it. Anything else
 * (access denied, registry tools disabled by policy, AppLocker, a time-out) is unreadable.
 */
import iconv from 'iconv-lite';
import { absent, firstLine, unreadable, type PolicyRead, type RunCommand } from './policy-read.js';
import { registryName, SETTING_KEYS, SETTINGS, type SettingProblem } from './settings.js';
import type { RegistryData, RegistryType } from './setting-kinds.js';

export interface RegistryValue {
  readonly type: RegistryType;
  readonly data: RegistryData;
}

export interface RegQueryOutput {
  readonly values: Readonly<Record<string, RegistryValue>>;
  /** Full paths of the subkeys listed, e.g. HKEY_LOCAL_MACHINE\Software\Policies\Microsoft. */
  readonly subkeys: readonly string[];
}

const HIVES: Readonly<Record<string, string>> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

/** Parses `reg query <key>` output; value types other than SZ, EXPAND_SZ, MULTI_SZ and DWORD are kept out. */
export function parseRegQuery(output: string): RegQueryOutput {
  const values: Record<string, RegistryValue> = {};
  const subkeys: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (/^HKEY_/.test(line)) {
      subkeys.push(line.trim());
      continue;
    }
    const match = /^\s{2,}(\S(?:.*?\S)?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*?))?\s*$/.exec(line);
    if (match === null) continue;
    const [, name, type, data = ''] = match;
    if (name === undefined) continue;
    switch (type) {
      case 'REG_SZ':
      case 'REG_EXPAND_SZ':
        values[name] = { type, data };
        break;
      case 'REG_MULTI_SZ':
        // reg prints the separators between strings as a literal \0.
        values[name] = { type, data: data === '' ? [] : data.split('\\0').filter((s) => s !== '') };
        break;
      case 'REG_DWORD': {
        const n = Number.parseInt(data, 16);
        if (Number.isFinite(n)) values[name] = { type, data: n };
        break;
      }
      default:
        break;
    }
  }
  return { values, subkeys };
}

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
    const key = SETTING_KEYS.find((k) => registryName(k).toLowerCase() === name.toLowerCase());
    if (key === undefined) {
      // Reported under its own name as an unknown setting by the checks that follow.
      raw[name] = value.data;
      continue;
    }
    const kind = SETTINGS[key].kind;
    if (!kind.registryTypes.includes(value.type)) {
      problems.push({ source, key, reason: `is ${value.type}, but must be ${kind.registryTypes.join(' or ')}` });
      continue;
    }
    raw[key] = kind.fromRegistry(value.data);
  }
  return { raw, problems };
}

export function policyKeyPath(hive: 'HKLM' | 'HKCU', vendor: string, app: string): string {
  return `${hive}\\Software\\Policies\\${vendor}\\${app}`;
}

/** reg.exe by absolute path, or why it cannot be named. */
export function regExePath(systemRoot: string | undefined): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly cause: string } {
  if (systemRoot === undefined || !/^[A-Za-z]:\\/.test(systemRoot)) {
    return { ok: false, cause: 'the Windows folder is unknown (%SystemRoot% is not set to a drive path), so reg.exe cannot be found' };
  }
  return { ok: true, path: `${systemRoot.replace(/\\+$/, '')}\\System32\\reg.exe` };
}

/** How reg.exe's output is turned into text: it writes the OEM code page (850, 437, 866, 932, ...). */
export type OemCodePage = () => Promise<number | null>;

const isAscii = (bytes: Uint8Array) => bytes.every((b) => b < 0x80);

export async function decodeOemText(bytes: Uint8Array, codePage: OemCodePage): Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly cause: string }> {
  if (isAscii(bytes)) return { ok: true, text: Buffer.from(bytes).toString('latin1') };
  const page = await codePage();
  if (page === null) return { ok: false, cause: 'reg.exe printed non-ASCII text and the OEM code page could not be read' };
  const encoding = `cp${page}`;
  if (!iconv.encodingExists(encoding)) return { ok: false, cause: `reg.exe printed text in code page ${page}, which Stepgate cannot decode` };
  return { ok: true, text: iconv.decode(Buffer.from(bytes), encoding) };
}

export interface RegistryReader {
  readonly run: RunCommand;
  readonly systemRoot: string | undefined;
}

type Query = { readonly kind: 'ok'; readonly output: RegQueryOutput } | { readonly kind: 'notFoundOrDenied'; readonly message: string } | { readonly kind: 'failed'; readonly cause: string };

function registryQueries(reader: RegistryReader, regExe: string) {
  const runReg = (args: readonly string[]) => reader.run(regExe, [...args, '/reg:64']);
  let codePage: Promise<number | null> | undefined;
  // Asked only when some output is not plain ASCII; the answer itself is ASCII.
  const oemCodePage: OemCodePage = () =>
    (codePage ??= runReg(['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP']).then((result) => {
      if (result.kind !== 'exited' || result.code !== 0 || !isAscii(result.stdout)) return null;
      const value = parseRegQuery(Buffer.from(result.stdout).toString('latin1')).values['OEMCP'];
      const page = value === undefined ? Number.NaN : Number(value.data);
      return Number.isInteger(page) ? page : null;
    }));

  return async (key: string): Promise<Query> => {
    const result = await runReg(['query', key]);
    if (result.kind === 'failed') return { kind: 'failed', cause: `reg.exe could not run: ${result.cause}` };
    if (result.code === 0) {
      const text = await decodeOemText(result.stdout, oemCodePage);
      return text.ok ? { kind: 'ok', output: parseRegQuery(text.text) } : { kind: 'failed', cause: text.cause };
    }
    const stderr = await decodeOemText(result.stderr, oemCodePage);
    const message = stderr.ok ? firstLine(stderr.text) : '';
    if (result.code === 1) return { kind: 'notFoundOrDenied', message };
    return { kind: 'failed', cause: `reg.exe exited with code ${result.code}${message === '' ? '' : ` (${message})`}` };
  };
}

const fullPath = (key: string) => {
  const [hive = '', ...rest] = key.split('\\');
  return [HIVES[hive] ?? hive, ...rest].join('\\');
};

type Existence = { readonly kind: 'missing' } | { readonly kind: 'exists' } | { readonly kind: 'unknown'; readonly cause: string };

/** Whether `key` exists, judged by listing its parent (recursively when the parent cannot be listed either). */
async function existence(query: (key: string) => Promise<Query>, key: string): Promise<Existence> {
  const cut = key.lastIndexOf('\\');
  if (cut < 0) return { kind: 'unknown', cause: `reg.exe cannot list ${key}` };
  const parent = key.slice(0, cut);
  const listed = await query(parent);
  switch (listed.kind) {
    case 'ok': {
      const wanted = fullPath(key).toLowerCase();
      return listed.output.subkeys.some((subkey) => subkey.toLowerCase() === wanted) ? { kind: 'exists' } : { kind: 'missing' };
    }
    case 'failed':
      return { kind: 'unknown', cause: listed.cause };
    case 'notFoundOrDenied': {
      const parentExistence = await existence(query, parent);
      if (parentExistence.kind === 'exists') return { kind: 'unknown', cause: `reg.exe cannot list ${parent}${listed.message === '' ? '' : ` (${listed.message})`}` };
      return parentExistence;
    }
  }
}

/** Reads one policy key: absent, its values, or unreadable with the cause. */
export async function readRegistryPolicy(reader: RegistryReader, key: string): Promise<PolicyRead> {
  const regExe = regExePath(reader.systemRoot);
  if (!regExe.ok) return unreadable(regExe.cause);
  const query = registryQueries(reader, regExe.path);
  const result = await query(key);
  switch (result.kind) {
    case 'ok': {
      const { raw, problems } = registryToSettings(key, result.output.values);
      return { kind: 'found', raw, problems };
    }
    case 'failed':
      return unreadable(result.cause);
    case 'notFoundOrDenied': {
      const found = await existence(query, key);
      if (found.kind === 'missing') return absent;
      const said = result.message === '' ? 'reg.exe could not read it' : `reg.exe could not read it (${result.message})`;
      return unreadable(found.kind === 'exists' ? said : `${said}, and ${found.cause}`);
    }
  }
}
