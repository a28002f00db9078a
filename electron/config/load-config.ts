/**
 * Reads every configuration source that applies on this platform and resolves them. All input and
 * output goes through `ConfigEnvironment`, so the precedence is tested without a registry or /etc.
 */
import { serverOverride } from './dev-override.js';
import { managedPrefsPaths, parsePlist } from './macos-managed-prefs.js';
import { resolveConfig, type ConfigSource, type ResolvedConfig } from './resolve-config.js';
import { checkSettings } from './settings.js';
import { policyKeyPath, readRegistryPolicy, type RunCommand } from './windows-registry.js';

export const APP_IDENTITY = {
  vendor: 'Stepgate',
  app: 'Stepgate',
  bundleId: 'dev.stepgate.desktop',
  linuxPolicyPath: '/etc/stepgate/policy.json',
} as const;

export interface ConfigEnvironment {
  readonly platform: NodeJS.Platform;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The person's own settings file, e.g. <userData>/settings.json. */
  readonly userSettingsPath: string;
  /** Login name, for per-user macOS managed preferences. */
  readonly username: string;
  /** Resolves undefined when the file does not exist. */
  readFile(path: string): Promise<string | undefined>;
  run: RunCommand;
  readonly buildDefaults: unknown;
}

function source(name: string, policy: boolean, raw: unknown): ConfigSource {
  const { values, problems } = checkSettings(name, raw);
  return { name, policy, values, problems };
}

function unreadable(name: string, policy: boolean, reason: string): ConfigSource {
  return { name, policy, values: {}, problems: [{ source: name, key: '*', reason }] };
}

async function jsonSource(environment: ConfigEnvironment, path: string, policy: boolean): Promise<ConfigSource> {
  const text = await environment.readFile(path);
  if (text === undefined) return source(path, policy, undefined);
  try {
    return source(path, policy, JSON.parse(text) as unknown);
  } catch {
    return unreadable(path, policy, 'is not valid JSON');
  }
}

async function windowsPolicy(environment: ConfigEnvironment): Promise<ConfigSource[]> {
  const sources: ConfigSource[] = [];
  for (const hive of ['HKLM', 'HKCU'] as const) {
    const key = policyKeyPath(hive, APP_IDENTITY.vendor, APP_IDENTITY.app);
    try {
      sources.push(source(key, true, await readRegistryPolicy(environment.run, key)));
    } catch {
      sources.push(unreadable(key, true, 'could not be read'));
    }
  }
  return sources;
}

async function macosPolicy(environment: ConfigEnvironment): Promise<ConfigSource[]> {
  const sources: ConfigSource[] = [];
  for (const path of managedPrefsPaths(APP_IDENTITY.bundleId, environment.username)) {
    if ((await environment.readFile(path)) === undefined) continue;
    try {
      // Managed preferences are usually binary; plutil prints them as XML.
      const { code, stdout } = await environment.run('plutil', ['-convert', 'xml1', '-o', '-', path]);
      if (code !== 0) throw new Error('plutil failed');
      sources.push(source(path, true, parsePlist(stdout)));
    } catch {
      sources.push(unreadable(path, true, 'is not a readable property list'));
    }
  }
  return sources;
}

async function policySources(environment: ConfigEnvironment): Promise<ConfigSource[]> {
  switch (environment.platform) {
    case 'win32':
      return windowsPolicy(environment);
    case 'darwin':
      return macosPolicy(environment);
    default:
      return [await jsonSource(environment, APP_IDENTITY.linuxPolicyPath, true)];
  }
}

export async function loadConfig(environment: ConfigEnvironment): Promise<ResolvedConfig> {
  const override = serverOverride(environment.argv, environment.env);
  const sources: ConfigSource[] = [
    ...(await policySources(environment)),
    source('--server / STEPGATE_SERVER', false, override === undefined ? undefined : { serverUrl: override }),
    await jsonSource(environment, environment.userSettingsPath, false),
    source('build defaults', false, environment.buildDefaults),
  ];
  return resolveConfig(sources);
}

/** Records the server address the person entered at first start in their settings file. */
export async function saveUserServerUrl(
  environment: Pick<ConfigEnvironment, 'readFile' | 'userSettingsPath'>,
  writeFile: (path: string, text: string) => Promise<void>,
  serverUrl: string,
): Promise<void> {
  let current: Record<string, unknown> = {};
  try {
    const text = await environment.readFile(environment.userSettingsPath);
    const parsed: unknown = text === undefined ? {} : JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
  } catch {
    // A damaged settings file is replaced by one that works.
  }
  await writeFile(environment.userSettingsPath, `${JSON.stringify({ ...current, serverUrl }, null, 2)}\n`);
}
