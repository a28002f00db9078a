/**
 * Combines configuration sources, highest first: enforced policy (Windows HKLM, then HKCU, macOS
 * managed preferences, Linux /etc), then a development override (--server or STEPGATE_SERVER),
 * then the person's own settings, then the defaults baked in at build time. A value that policy
 * sets is locked: the app does not let the person change it.
 */
import type { UiLanguage } from '../../shared/messages/language.js';
import type { PartialSettings, SettingKey, SettingProblem, Settings } from './settings.js';

export interface ConfigSource {
  /** Shown in problem reports, e.g. "/etc/stepgate/policy.json". */
  readonly name: string;
  readonly policy: boolean;
  readonly values: PartialSettings;
  readonly problems: readonly SettingProblem[];
}

export interface ResolvedConfig {
  readonly serverUrl: string | null;
  readonly serverLocked: boolean;
  readonly allowKeepSignedIn: boolean;
  readonly externalOrigins: readonly string[];
  /** Forced by policy or settings; null: follow the operating system. */
  readonly language: UiLanguage | null;
  /** null: the sign-in server's own help page. */
  readonly helpUrl: string | null;
  /** Which source each value came from, for diagnostics. */
  readonly origins: { readonly [K in SettingKey]?: string };
  readonly problems: readonly SettingProblem[];
}

const FALLBACK = { allowKeepSignedIn: true, externalOrigins: [] as readonly string[] } as const;

/** `sources` must be ordered highest precedence first. */
export function resolveConfig(sources: readonly ConfigSource[]): ResolvedConfig {
  const picked: { [K in SettingKey]?: { readonly value: Settings[K]; readonly source: ConfigSource } } = {};
  const pick = <K extends SettingKey>(key: K, source: ConfigSource) => {
    const value = source.values[key];
    if (value !== undefined && picked[key] === undefined) {
      (picked as Record<K, { value: Settings[K]; source: ConfigSource }>)[key] = { value: value as Settings[K], source };
    }
  };
  for (const source of sources) {
    pick('serverUrl', source);
    pick('allowKeepSignedIn', source);
    pick('externalOrigins', source);
    pick('language', source);
    pick('helpUrl', source);
  }
  const origins: { [K in SettingKey]?: string } = {};
  for (const [key, entry] of Object.entries(picked)) origins[key as SettingKey] = entry.source.name;
  return {
    serverUrl: picked.serverUrl?.value ?? null,
    serverLocked: picked.serverUrl?.source.policy ?? false,
    allowKeepSignedIn: picked.allowKeepSignedIn?.value ?? FALLBACK.allowKeepSignedIn,
    externalOrigins: picked.externalOrigins?.value ?? FALLBACK.externalOrigins,
    language: picked.language?.value ?? null,
    helpUrl: picked.helpUrl?.value ?? null,
    origins,
    problems: sources.flatMap((s) => s.problems),
  };
}
