/**
 * Every setting an organisation or a person can set, in one table: its kind, its default, what it
 * does and which sources may set it. The reader, the validation, the JSON Schema for policy.json,
 * the key list in docs/deploying.md and the tests of every policy template all derive from it, so
 * adding a setting is one entry here plus its lines in the templates (a missing line fails a test).
 *
 * Values are checked one by one, so a single bad value is reported and ignored without discarding
 * the good ones beside it.
 */
import { booleanKind, helpAddressKind, integerKind, languageKind, originListKind, providerIdKind, serverAddressKind, type Checked, type SettingKind } from './setting-kinds.js';

/** Where a value can come from, highest precedence first. */
export type SourceKind = 'policy' | 'commandLine' | 'userSettings' | 'buildDefaults';

export interface SettingDefinition<T, D extends T | null = T> {
  readonly kind: SettingKind<T>;
  readonly default: D;
  /** One line for the ADMX display name and the docs. */
  readonly title: string;
  /** What the value does, for the docs and the ADMX explanation. */
  readonly effect: string;
  readonly sources: readonly SourceKind[];
}

const define = <T, D extends T | null>(definition: SettingDefinition<T, D>) => definition;

export const SETTINGS = {
  serverUrl: define({
    kind: serverAddressKind,
    default: null,
    title: 'Sign-in server address',
    effect: 'The server people sign in to. When policy sets it, the app does not offer to change it; without any value the app asks at first start.',
    sources: ['policy', 'commandLine', 'userSettings', 'buildDefaults'],
  }),
  allowKeepSignedIn: define({
    kind: booleanKind,
    default: true,
    title: 'Offer "Keep me signed in"',
    effect: 'false: the option is not offered, and a session kept in the keychain earlier is deleted at the next start and never used.',
    sources: ['policy', 'buildDefaults'],
  }),
  allowTrustedComputer: define({
    kind: booleanKind,
    default: true,
    title: 'Offer "Don\'t ask for a code on this computer"',
    effect:
      "false: the code window does not offer it, trusted-computer tokens kept in the keychain earlier are deleted at the next start, and none is ever sent, so every sign-in asks for a code. The sign-in server's own setting (its maximum days, 0: off) applies as well.",
    sources: ['policy', 'buildDefaults'],
  }),
  trustedComputerDays: define({
    kind: integerKind(1, 365),
    default: null,
    title: 'Most days a computer may skip the code',
    effect:
      "The code window offers \"Don't ask for a code on this computer for N days\" with N the lower of this and the sign-in server's maximum; without a value, the server's maximum. Trust already granted keeps the days it was granted for.",
    sources: ['policy', 'buildDefaults'],
  }),
  allowPasswordSignIn: define({
    kind: booleanKind,
    default: true,
    title: 'Offer sign-in with username and password',
    effect:
      'false: the login window shows only the "Sign in with …" buttons of the identity providers the sign-in server offers, and the app sends no password. Use it where everyone signs in through the identity provider.',
    sources: ['policy', 'buildDefaults'],
  }),
  ssoProvider: define({
    kind: providerIdKind,
    default: null,
    title: 'Identity provider to offer first',
    effect:
      'The id of one of the sign-in server\'s identity providers (as `npm run server -- sso list` shows it): its "Sign in with …" button comes first, above the password form, and has focus. Ignored while the server does not offer it.',
    sources: ['policy', 'buildDefaults'],
  }),
  externalOrigins: define({
    kind: originListKind,
    default: [] as readonly string[],
    title: 'Extra web origins the app may open',
    effect: "https origins, besides the sign-in server's, whose pages (set-up, settings) the app may open in the default browser.",
    sources: ['policy', 'buildDefaults'],
  }),
  language: define({
    kind: languageKind,
    default: null,
    title: 'Language of the app',
    effect: 'en or fi: the app speaks this language whatever the operating system prefers; without a value it follows the operating system.',
    sources: ['policy', 'userSettings', 'buildDefaults'],
  }),
  helpUrl: define({
    kind: helpAddressKind,
    default: null,
    title: 'Help page for people who cannot use their authenticator app',
    effect: "The page \"Can't use your authenticator app?\" opens in the browser; without a value, the sign-in server's own /help page.",
    sources: ['policy', 'buildDefaults'],
  }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as readonly SettingKey[];

type ValueOf<D> = D extends SettingDefinition<infer T, infer Default> ? T | Default : never;
export type Settings = { readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> };
export type PartialSettings = { readonly [K in SettingKey]?: Exclude<Settings[K], null> };

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS[key].default])) as Settings;

/** The value name Group Policy writes and the Windows reader looks for: ServerUrl for serverUrl. */
export function registryName(key: SettingKey): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export function isSettingKey(name: string): name is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(name);
}

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

const SOURCE_WORDS: Readonly<Record<SourceKind, string>> = {
  policy: 'policy',
  commandLine: 'the command line',
  userSettings: 'personal settings',
  buildDefaults: 'build defaults',
};

/** Checks raw values from one source; unknown keys are reported too, since they are usually typos. */
export function checkSettings(source: string, sourceKind: SourceKind, raw: unknown): CheckedSettings {
  if (raw === undefined || raw === null) return { values: {}, problems: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values: {}, problems: [{ source, key: '*', reason: 'must be an object of settings' }] };
  }
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!isSettingKey(name)) {
      problems.push({ source, key: name, reason: 'unknown setting' });
      continue;
    }
    const key = name;
    const definition: SettingDefinition<unknown, unknown> = SETTINGS[key];
    if (!definition.sources.includes(sourceKind)) {
      problems.push({ source, key, reason: `cannot be set in ${SOURCE_WORDS[sourceKind]}` });
      continue;
    }
    const checked: Checked<unknown> = definition.kind.check(value);
    if (checked.ok) values[key] = checked.value;
    else problems.push({ source, key, reason: checked.reason });
  }
  return { values: values as PartialSettings, problems };
}
