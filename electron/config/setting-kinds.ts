/**
 * The kinds of value a setting can hold. Each kind says how it is checked and how it is spelled in
 * every place IT can set it: a registry type for Group Policy, a plist element for configuration
 * profiles, a JSON Schema for policy.json. The templates and their tests derive from these.
 */
import { isUiLanguage, LANGUAGES, type UiLanguage } from '../../shared/messages/language.js';
import { isSecureOrLoopback, parseServerAddress } from './server-address.js';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** `reg query` value types the Windows reader understands. */
export type RegistryType = 'REG_SZ' | 'REG_EXPAND_SZ' | 'REG_MULTI_SZ' | 'REG_DWORD';
export type RegistryData = string | number | readonly string[];

export interface SettingKind<T> {
  /** How the value is described to IT, e.g. "true or false". */
  readonly describe: string;
  /** What Group Policy writes; the first is what the ADMX template writes. */
  readonly registryTypes: readonly RegistryType[];
  /** The ADMX element that edits it: a boolean policy (enabled/disabled), a text box, a list box, a number box or a choice. */
  readonly admx: 'boolean' | 'text' | 'multiText' | 'decimal' | 'enum';
  /** For a choice: the values IT may pick from. */
  readonly choices?: readonly string[];
  /** The plist element a configuration profile holds it in. */
  readonly plist: 'true/false' | 'string' | 'array' | 'integer';
  readonly jsonSchema: Readonly<Record<string, unknown>>;
  /** Turns registry data of an accepted type into the value JSON and plists give. */
  fromRegistry(data: RegistryData): unknown;
  check(value: unknown): Checked<T>;
}

export const booleanKind: SettingKind<boolean> = {
  describe: 'true or false (Windows: DWORD 1 or 0)',
  registryTypes: ['REG_DWORD'],
  admx: 'boolean',
  plist: 'true/false',
  jsonSchema: { type: 'boolean' },
  // Any other number stays a number, so check() names it rather than guessing.
  fromRegistry: (data) => (data === 1 ? true : data === 0 ? false : data),
  check: (value) => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: 'must be true or false' }),
};

export const serverAddressKind: SettingKind<string> = {
  describe: 'an https address (plain http only for this computer)',
  registryTypes: ['REG_SZ', 'REG_EXPAND_SZ'],
  admx: 'text',
  plist: 'string',
  jsonSchema: { type: 'string', minLength: 1 },
  fromRegistry: (data) => data,
  check: (value) => {
    if (typeof value !== 'string') return { ok: false, reason: 'must be text' };
    const parsed = parseServerAddress(value);
    return parsed.ok ? { ok: true, value: parsed.url } : { ok: false, reason: `not a usable server address (${parsed.reason})` };
  },
};

export const originListKind: SettingKind<readonly string[]> = {
  describe: 'a list of https origins',
  registryTypes: ['REG_MULTI_SZ'],
  admx: 'multiText',
  plist: 'array',
  jsonSchema: { type: 'array', items: { type: 'string', minLength: 1 } },
  fromRegistry: (data) => data,
  check: (value) => {
    if (!Array.isArray(value)) return { ok: false, reason: 'must be a list of https origins' };
    const origins: string[] = [];
    for (const item of value) {
      const parsed = typeof item === 'string' ? parseServerAddress(item) : null;
      if (parsed === null || !parsed.ok) return { ok: false, reason: `${JSON.stringify(item)} is not an https origin` };
      origins.push(new URL(parsed.url).origin);
    }
    return { ok: true, value: origins };
  },
};

/** A whole number within limits, e.g. a number of days. */
export function integerKind(min: number, max: number): SettingKind<number> {
  return {
    describe: `a whole number from ${min} to ${max}`,
    registryTypes: ['REG_DWORD'],
    admx: 'decimal',
    plist: 'integer',
    jsonSchema: { type: 'integer', minimum: min, maximum: max },
    fromRegistry: (data) => data,
    check: (value) =>
      typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
        ? { ok: true, value }
        : { ok: false, reason: `must be a whole number from ${min} to ${max}` },
  };
}

export const languageKind: SettingKind<UiLanguage> = {
  describe: 'en or fi',
  registryTypes: ['REG_SZ'],
  admx: 'enum',
  choices: LANGUAGES,
  plist: 'string',
  jsonSchema: { type: 'string', enum: LANGUAGES },
  fromRegistry: (data) => data,
  // en-XA (longer, accented English) is accepted too, for layout checks; it is not offered to IT.
  check: (value) => (isUiLanguage(value) ? { ok: true, value } : { ok: false, reason: 'must be "en" or "fi"' }),
};

/** A web page to open in the browser: https, or http on this computer; no user name or password in it. */
export const helpAddressKind: SettingKind<string> = {
  describe: 'an https address',
  registryTypes: ['REG_SZ', 'REG_EXPAND_SZ'],
  admx: 'text',
  plist: 'string',
  jsonSchema: { type: 'string', minLength: 1 },
  fromRegistry: (data) => data,
  check: (value) => {
    let url: URL | null;
    try {
      url = typeof value === 'string' ? new URL(value.trim()) : null;
    } catch {
      url = null;
    }
    if (url === null || !isSecureOrLoopback(url) || url.username !== '' || url.password !== '') return { ok: false, reason: 'must be an https address' };
    return { ok: true, value: url.toString() };
  },
};
