/**
 * Reads every configuration source that applies on this platform and resolves them. All input and
 * output goes through `ConfigEnvironment`, so the precedence and every read outcome are tested
 * without a registry, managed preferences or /etc.
 *
 * A source that is not there is skipped. A policy source that is there but cannot be read or parsed,
 * or that gives a setting a value it cannot have, stops the app with its name and the cause (fail
 * closed). Unknown names in policy, and bad values in the person's own settings, are reported and
 * ignored.
 */
import type { PolicySourceReport } from '../../shared/ipc/diagnostics.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { APP_IDENTITY } from './app-identity.js';
import { managedPrefsPaths, readManagedPreferences } from './macos-managed-prefs.js';
import { parseJsonObject, readJsonPolicy, type PolicyRead, type ReadFile, type RunCommand } from './policy-read.js';
import { configSource, resolveConfig, type ConfigSource, type ResolvedConfig } from './resolve-config.js';
import { isSettingKey } from './settings.js';
import { readWindowsPolicy, type ReadRegistryKey } from './windows-registry.js';

export interface ConfigEnvironment {
  readonly platform: NodeJS.Platform;
  /** The server a development or end-to-end run names; undefined where development switches are off. */
  readonly serverOverride: string | undefined;
  /** A development or end-to-end run's policy.json, read instead of the platform's policy; undefined where development switches are off. */
  readonly policyFile?: string | undefined;
  /** The person's own settings file, e.g. <userData>/settings.json. */
  readonly userSettingsPath: string;
  /** Login name, for per-user macOS managed preferences. */
  readonly username: string;
  /** The Windows registry (64-bit view); asked only on Windows. */
  readonly readRegistryKey: ReadRegistryKey;
  readonly readFile: ReadFile;
  readonly run: RunCommand;
  readonly buildDefaults: unknown;
}

/** Why the app cannot start: a source that exists but could not be read. */
export interface ConfigFailure {
  readonly source: string;
  readonly policy: boolean;
  readonly cause: string;
}

/**
 * `sources`: every source checked, highest first, for telling where a value came from;
 * `policy`: what each policy source read came to, for the diagnostics IT support asks for.
 */
export type LoadedConfig =
  | { readonly ok: true; readonly config: ResolvedConfig; readonly sources: readonly ConfigSource[]; readonly policy: readonly PolicySourceReport[] }
  | { readonly ok: false; readonly failure: ConfigFailure };

interface NamedRead {
  readonly name: string;
  readonly read: PolicyRead;
}

async function policyReads(environment: ConfigEnvironment): Promise<readonly NamedRead[]> {
  const override = environment.policyFile;
  if (override !== undefined) return [{ name: override, read: readJsonPolicy(await environment.readFile(override)) }];
  switch (environment.platform) {
    case 'win32':
      return readWindowsPolicy(environment.readRegistryKey, APP_IDENTITY.vendor, APP_IDENTITY.app);
    case 'darwin':
      return Promise.all(
        managedPrefsPaths(APP_IDENTITY.bundleId, environment.username).map(async (name) => ({
          name,
          read: await readManagedPreferences(environment.readFile, environment.run, name),
        })),
      );
    default: {
      const name = APP_IDENTITY.linuxPolicyPath;
      return [{ name, read: readJsonPolicy(await environment.readFile(name)) }];
    }
  }
}

function policySource({ name, read }: NamedRead): ConfigSource | ConfigFailure {
  switch (read.kind) {
    case 'absent':
      return configSource(name, 'policy', undefined);
    case 'unreadable':
      return { source: name, policy: true, cause: read.cause };
    case 'found': {
      const checked = configSource(name, 'policy', read.raw);
      const problems = [...read.problems, ...checked.problems];
      // A setting IT meant to enforce but wrote wrongly would silently unlock it: stop instead.
      // Unknown names are only reported, so templates of a newer version do not stop an older app.
      const invalid = problems.find((p) => isSettingKey(p.key));
      if (invalid !== undefined) return { source: name, policy: true, cause: `the setting "${invalid.key}" is invalid: ${invalid.reason}` };
      return { ...checked, problems };
    }
    default:
      return assertNever(read);
  }
}

const isFailure = (value: ConfigSource | ConfigFailure): value is ConfigFailure => 'cause' in value;

/** A read as the diagnostics name it: the settings a source sets, never their values. */
function policyReport(read: NamedRead, checked: ConfigSource): PolicySourceReport {
  switch (read.read.kind) {
    case 'absent':
      return { source: read.name, outcome: { kind: 'absent' } };
    case 'unreadable':
      return { source: read.name, outcome: { kind: 'unreadable', cause: read.read.cause } };
    case 'found':
      return { source: read.name, outcome: { kind: 'values', keys: Object.keys(checked.values), ignored: checked.problems.map((p) => p.key) } };
    default:
      return assertNever(read.read);
  }
}

export async function loadConfig(environment: ConfigEnvironment): Promise<LoadedConfig> {
  const reads = await policyReads(environment);
  const policy = reads.map(policySource);
  const failed = policy.find(isFailure);
  if (failed !== undefined) return { ok: false, failure: failed };
  const policySources = policy.filter((s): s is ConfigSource => !isFailure(s));

  const userPath = environment.userSettingsPath;
  const userRead = readJsonPolicy(await environment.readFile(userPath));
  if (userRead.kind === 'unreadable') return { ok: false, failure: { source: userPath, policy: false, cause: userRead.cause } };

  const override = environment.serverOverride;
  const sources: ConfigSource[] = [
    ...policySources,
    configSource('--server / STEPGATE_SERVER', 'commandLine', override === undefined ? undefined : { serverUrl: override }),
    configSource(userPath, 'userSettings', userRead.kind === 'found' ? userRead.raw : undefined),
    configSource('build defaults', 'buildDefaults', environment.buildDefaults),
  ];
  return {
    ok: true,
    config: resolveConfig(sources),
    sources,
    policy: reads.map((read, i) => policyReport(read, policySources[i] ?? configSource(read.name, 'policy', undefined))),
  };
}

/** Records the server address the person entered at first start in their settings file, keeping what else it holds. */
export async function saveUserServerUrl(
  environment: Pick<ConfigEnvironment, 'readFile' | 'userSettingsPath'>,
  writeFile: (path: string, text: string) => Promise<void>,
  serverUrl: string,
): Promise<void> {
  const read = await environment.readFile(environment.userSettingsPath);
  const parsed = read.kind === 'read' ? parseJsonObject(read.text) : null;
  // A file that became unreadable since start-up is replaced by one that works.
  const current = parsed !== null && parsed.ok ? parsed.raw : {};
  await writeFile(environment.userSettingsPath, `${JSON.stringify({ ...current, serverUrl }, null, 2)}\n`);
}
