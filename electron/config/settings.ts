/**
 * The settings an organisation or a person can set, and the check each value must pass.
 * Values are checked one by one, so a single bad value is reported and ignored without
 * discarding the good ones beside it.
 */
import { isUiLanguage, type UiLanguage } from '../../shared/messages/language.js';
import { isSecureOrLoopback, parseServerAddress } from './server-address.js';

export interface Settings {
  /** Base URL of the sign-in server. */
  readonly serverUrl: string;
  /** Whether "Keep me signed in" is offered. */
  readonly allowKeepSignedIn: boolean;
  /** Extra https origins whose pages (enrollment, settings) may be opened in the browser. */
  readonly externalOrigins: readonly string[];
  /** The language of the app's words ("en", "fi"); unset: the operating system's. */
  readonly language: UiLanguage;
  /** The page "Can't use your authenticator app?" opens; unset: the sign-in server's /help. */
  readonly helpUrl: string;
}

export type SettingKey = keyof Settings;
export const SETTING_KEYS: readonly SettingKey[] = ['serverUrl', 'allowKeepSignedIn', 'externalOrigins', 'language', 'helpUrl'];

export type PartialSettings = { readonly [K in SettingKey]?: Settings[K] };

export interface SettingProblem {
  /** Where the value came from, e.g. "HKLM\\Software\\Policies\\Stepgate\\Stepgate". */
  readonly source: string;
  readonly key: string;
  readonly reason: string;
}

export interface CheckedSettings {
  readonly values: PartialSettings;
  readonly problems: readonly SettingProblem[];
}

type Check<T> = (value: unknown) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const checks: { readonly [K in SettingKey]: Check<Settings[K]> } = {
  serverUrl: (value) => {
    if (typeof value !== 'string') return { ok: false, reason: 'must be text' };
    const parsed = parseServerAddress(value);
    return parsed.ok ? { ok: true, value: parsed.url } : { ok: false, reason: `not a usable server address (${parsed.reason})` };
  },
  allowKeepSignedIn: (value) => {
    // Registry policies arrive as DWORD 0/1.
    if (typeof value === 'boolean') return { ok: true, value };
    if (value === 0 || value === 1) return { ok: true, value: value === 1 };
    return { ok: false, reason: 'must be true or false' };
  },
  externalOrigins: (value) => {
    if (!Array.isArray(value)) return { ok: false, reason: 'must be a list of https origins' };
    const origins: string[] = [];
    for (const item of value) {
      const parsed = typeof item === 'string' ? parseServerAddress(item) : null;
      if (parsed === null || !parsed.ok) return { ok: false, reason: `${JSON.stringify(item)} is not an https origin` };
      origins.push(new URL(parsed.url).origin);
    }
    return { ok: true, value: origins };
  },
  language: (value) => (isUiLanguage(value) ? { ok: true, value } : { ok: false, reason: 'must be "en" or "fi"' }),
  helpUrl: (value) => {
    let url: URL | null = null;
    try {
      url = typeof value === 'string' ? new URL(value.trim()) : null;
    } catch {
      url = null;
    }
    if (url === null || !isSecureOrLoopback(url) || url.username !== '' || url.password !== '') {
      return { ok: false, reason: 'must be an https address' };
    }
    return { ok: true, value: url.toString() };
  },
};

const isSettingKey = (key: string): key is SettingKey => (SETTING_KEYS as readonly string[]).includes(key);

/** Checks raw values from one source; unknown keys are reported too, since they are usually typos. */
export function checkSettings(source: string, raw: unknown): CheckedSettings {
  if (raw === undefined || raw === null) return { values: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values: {}, problems: [{ source, key: '*', reason: 'must be an object of settings' }] };
  }
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isSettingKey(key)) {
      problems.push({ source, key, reason: 'unknown setting' });
      continue;
    }
    const checked = checks[key](value);
    if (checked.ok) values[key] = checked.value;
    else problems.push({ source, key, reason: checked.reason });
  }
  return { values: values as PartialSettings, problems };
}
