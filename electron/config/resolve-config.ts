/**
 * Combines configuration sources, highest first: enforced policy (Windows HKLM, then HKCU, macOS
 * managed preferences, Linux /etc), then a development override (--server or STEPGATE_SERVER),
 * then the person's own settings, then the defaults baked in at build time, then the defaults of
 * the settings table. A value that policy sets is locked: the app does not let the person change it.
 */
import { checkSettings, DEFAULT_SETTINGS, SETTING_KEYS, type PartialSettings, type SettingKey, type SettingProblem, type Settings, type SourceKind } from './settings.js';

export interface ConfigSource {
  /** Shown in problem reports, e.g. "/etc/stepgate/policy.json". */
  readonly name: string;
  readonly kind: SourceKind;
  readonly values: PartialSettings;
  readonly problems: readonly SettingProblem[];
}

export interface ResolvedConfig {
  readonly settings: Settings;
  /** Set by policy: the person cannot change these. */
  readonly locked: { readonly [K in SettingKey]: boolean };
  /** Which source each value came from (absent: the table's default), for the log. */
  readonly origins: { readonly [K in SettingKey]?: string };
  readonly problems: readonly SettingProblem[];
}

/** `sources` must be ordered highest precedence first. */
export function resolveConfig(sources: readonly ConfigSource[]): ResolvedConfig {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const locked: Record<string, boolean> = {};
  const origins: Record<string, string> = {};
  for (const key of SETTING_KEYS) {
    const source = sources.find((s) => s.values[key] !== undefined);
    locked[key] = source?.kind === 'policy';
    if (source === undefined) continue;
    settings[key] = source.values[key];
    origins[key] = source.name;
  }
  return {
    settings: settings as Settings,
    locked: locked as ResolvedConfig['locked'],
    origins,
    problems: sources.flatMap((s) => s.problems),
  };
}

/** One checked source: what `loadConfig` builds for every place it reads. */
export function configSource(name: string, kind: SourceKind, raw: unknown): ConfigSource {
  return { name, kind, ...checkSettings(name, kind, raw) };
}

/** The configuration of a development or test run that names only a server (or none). */
export function serverOnlyConfig(serverUrl: string | null): ResolvedConfig {
  return resolveConfig([configSource('--server', 'commandLine', serverUrl === null ? undefined : { serverUrl })]);
}
