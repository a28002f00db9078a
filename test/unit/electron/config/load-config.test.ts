import { describe, expect, it } from 'vitest';
import { APP_IDENTITY } from '../../../../electron/config/app-identity.js';
import { loadConfig, saveUserServerUrl, type ConfigEnvironment, type LoadedConfig } from '../../../../electron/config/load-config.js';
import { PLUTIL } from '../../../../electron/config/macos-managed-prefs.js';
import type { CommandResult, FileRead } from '../../../../electron/config/policy-read.js';
import type { RegistryKeyRead } from '../../../../electron/config/windows-registry.js';
import type { ResolvedConfig } from '../../../../electron/config/resolve-config.js';
import { ACCESS_DENIED, HKCU_KEY, HKLM_KEY, registryOf, values } from './registry-states.js';

const MAC_USER = `/Library/Managed Preferences/ada/${APP_IDENTITY.bundleId}.plist`;
const MAC_DEVICE = `/Library/Managed Preferences/${APP_IDENTITY.bundleId}.plist`;
const USER = '/home/ada/.config/Stepgate/settings.json';
const LINUX_POLICY = APP_IDENTITY.linuxPolicyPath;

const plist = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${body}</dict></plist>`;

type FileEntry = string | { readonly unreadable: string };

function environment(options: {
  platform?: NodeJS.Platform;
  files?: Record<string, FileEntry>;
  registry?: Record<string, RegistryKeyRead>;
  plutil?: Record<string, CommandResult>;
  serverOverride?: string;
  policyFile?: string;
  buildDefaults?: unknown;
}): ConfigEnvironment {
  const files = options.files ?? {};
  return {
    platform: options.platform ?? 'linux',
    serverOverride: options.serverOverride,
    policyFile: options.policyFile,
    userSettingsPath: USER,
    username: 'ada',
    readRegistryKey: registryOf(options.registry ?? {}).read,
    buildDefaults: options.buildDefaults ?? {},
    readFile: async (path): Promise<FileRead> => {
      const entry = files[path];
      if (entry === undefined) return { kind: 'absent' };
      return typeof entry === 'string' ? { kind: 'read', text: entry } : { kind: 'unreadable', cause: entry.unreadable };
    },
    run: async (file, args) => {
      if (file === PLUTIL) {
        const path = args[args.length - 1] ?? '';
        const recorded = options.plutil?.[path];
        if (recorded !== undefined) return recorded;
        const entry = files[path];
        const xml = typeof entry === 'string' ? entry : '';
        return { kind: 'exited', code: 0, stdout: new TextEncoder().encode(xml), stderr: new Uint8Array() };
      }
      throw new Error(`ran ${file}`);
    },
  };
}

function config(loaded: LoadedConfig): ResolvedConfig {
  if (!loaded.ok) throw new Error(`expected a configuration, got a failure: ${JSON.stringify(loaded.failure)}`);
  return loaded.config;
}

describe('loadConfig precedence', () => {
  const user = JSON.stringify({ serverUrl: 'https://user.example.com' });

  it('uses the table’s defaults when nothing is set: no server, keeping sessions allowed', async () => {
    const loaded = config(await loadConfig(environment({})));
    expect(loaded).toEqual({
      settings: {
        serverUrl: null,
        allowKeepSignedIn: true,
        allowTrustedComputer: true,
        trustedComputerDays: null,
        allowPasswordSignIn: true,
        ssoProvider: null,
        externalOrigins: [],
        language: null,
        helpUrl: null,
      },
      locked: {
        serverUrl: false,
        allowKeepSignedIn: false,
        allowTrustedComputer: false,
        trustedComputerDays: false,
        allowPasswordSignIn: false,
        ssoProvider: false,
        externalOrigins: false,
        language: false,
        helpUrl: false,
      },
      origins: {},
      problems: [],
    });
  });

  it('uses build defaults over the table’s', async () => {
    const loaded = config(await loadConfig(environment({ buildDefaults: { serverUrl: 'https://default.example.com', allowKeepSignedIn: false } })));
    expect(loaded.settings).toMatchObject({ serverUrl: 'https://default.example.com', allowKeepSignedIn: false });
    expect(loaded.locked.serverUrl).toBe(false);
    expect(loaded.origins.serverUrl).toBe('build defaults');
  });

  it('prefers the person’s settings to build defaults', async () => {
    const loaded = config(await loadConfig(environment({ files: { [USER]: user }, buildDefaults: { serverUrl: 'https://default.example.com' } })));
    expect(loaded.settings.serverUrl).toBe('https://user.example.com');
    expect(loaded.locked.serverUrl).toBe(false);
  });

  it('prefers a development override to the person’s settings', async () => {
    const loaded = config(await loadConfig(environment({ files: { [USER]: user }, serverOverride: 'http://127.0.0.1:4000' })));
    expect(loaded.settings.serverUrl).toBe('http://127.0.0.1:4000');
    expect(loaded.origins.serverUrl).toBe('--server / STEPGATE_SERVER');
  });

  it('lets Linux policy in /etc win over everything else and lock the server', async () => {
    const loaded = config(
      await loadConfig(
        environment({ files: { [LINUX_POLICY]: JSON.stringify({ serverUrl: 'https://policy.example.com' }), [USER]: user }, serverOverride: 'https://arg.example.com' }),
      ),
    );
    expect(loaded.settings.serverUrl).toBe('https://policy.example.com');
    expect(loaded.locked.serverUrl).toBe(true);
    expect(loaded.origins.serverUrl).toBe(LINUX_POLICY);
  });

  it('reads a development run’s policy file instead of the platform’s policy, as policy', async () => {
    const runPolicy = '/tmp/run/policy.json';
    const loaded = await loadConfig(
      environment({
        platform: 'win32',
        registry: { [HKLM_KEY]: values({ ServerUrl: { type: 'REG_SZ', data: 'https://machine.example.com' } }) },
        files: { [runPolicy]: JSON.stringify({ allowTrustedComputer: false }) },
        policyFile: runPolicy,
      }),
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.failure));
    expect(loaded.config.settings).toMatchObject({ serverUrl: null, allowTrustedComputer: false });
    expect(loaded.config.locked.allowTrustedComputer).toBe(true);
    expect(loaded.policy).toEqual([{ source: runPolicy, outcome: { kind: 'values', keys: ['allowTrustedComputer'], ignored: [] } }]);
  });

  it('on Windows prefers HKLM to HKCU, and HKCU to the person’s settings', async () => {
    const both = config(
      await loadConfig(
        environment({
          platform: 'win32',
          files: { [USER]: user },
          registry: {
            [HKLM_KEY]: values({ ServerUrl: { type: 'REG_SZ', data: 'https://machine.example.com' }, TrustedComputerDays: { type: 'REG_DWORD', data: 30 } }),
            [HKCU_KEY]: values({
              ServerUrl: { type: 'REG_SZ', data: 'https://hkcu.example.com' },
              AllowKeepSignedIn: { type: 'REG_DWORD', data: 0 },
              AllowTrustedComputer: { type: 'REG_DWORD', data: 0 },
            }),
          },
        }),
      ),
    );
    expect(both.settings).toMatchObject({ serverUrl: 'https://machine.example.com', allowKeepSignedIn: false, allowTrustedComputer: false, trustedComputerDays: 30 });
    expect(both.locked).toEqual({
      serverUrl: true,
      allowKeepSignedIn: true,
      allowTrustedComputer: true,
      trustedComputerDays: true,
      allowPasswordSignIn: false,
      ssoProvider: false,
      externalOrigins: false,
      language: false,
      helpUrl: false,
    });
    expect(both.origins).toEqual({ serverUrl: HKLM_KEY, allowKeepSignedIn: HKCU_KEY, allowTrustedComputer: HKCU_KEY, trustedComputerDays: HKLM_KEY });

    const userOnly = config(
      await loadConfig(
        environment({ platform: 'win32', files: { [USER]: user }, registry: { [HKCU_KEY]: values({ ServerUrl: { type: 'REG_SZ', data: 'https://hkcu.example.com' } }) } }),
      ),
    );
    expect(userOnly.settings.serverUrl).toBe('https://hkcu.example.com');
    expect(userOnly.locked.serverUrl).toBe(true);
  });

  it('on macOS reads per-user, then device managed preferences', async () => {
    const loaded = config(
      await loadConfig(
        environment({
          platform: 'darwin',
          files: {
            [MAC_USER]: plist('<key>allowKeepSignedIn</key><false/>'),
            [MAC_DEVICE]: plist('<key>serverUrl</key><string>https://mdm.example.com</string><key>allowKeepSignedIn</key><true/>'),
            [USER]: user,
          },
        }),
      ),
    );
    expect(loaded.settings).toMatchObject({ serverUrl: 'https://mdm.example.com', allowKeepSignedIn: false });
    expect(loaded.locked.serverUrl).toBe(true);
  });

  it('ignores Linux policy on other platforms', async () => {
    const loaded = config(await loadConfig(environment({ platform: 'win32', files: { [LINUX_POLICY]: JSON.stringify({ serverUrl: 'https://policy.example.com' }) } })));
    expect(loaded.settings.serverUrl).toBeNull();
  });

  it('reports a bad value in personal settings with its source, ignores it, and falls through to the next source', async () => {
    const loaded = config(
      await loadConfig(
        environment({
          files: { [USER]: JSON.stringify({ serverUrl: 'http://insecure.example.com', colour: 'red' }) },
          buildDefaults: { serverUrl: 'https://default.example.com' },
        }),
      ),
    );
    expect(loaded.settings.serverUrl).toBe('https://default.example.com');
    expect(loaded.problems).toEqual([
      { source: USER, key: 'serverUrl', reason: 'not a usable server address (notHttps)' },
      { source: USER, key: 'colour', reason: 'unknown setting' },
    ]);
  });

  it('reports an unknown name in policy and keeps the policy’s other settings', async () => {
    const loaded = config(await loadConfig(environment({ files: { [LINUX_POLICY]: JSON.stringify({ serverUrl: 'https://policy.example.com', colour: 'red' }), [USER]: user } })));
    expect(loaded.settings.serverUrl).toBe('https://policy.example.com');
    expect(loaded.locked.serverUrl).toBe(true);
    expect(loaded.problems).toEqual([{ source: LINUX_POLICY, key: 'colour', reason: 'unknown setting' }]);
  });

  it('tells the diagnostics what each policy source read came to: the settings it sets, never their values', async () => {
    const loaded = await loadConfig(
      environment({
        platform: 'win32',
        registry: { [HKCU_KEY]: values({ ServerUrl: { type: 'REG_SZ', data: 'https://hkcu.example.com' }, Colour: { type: 'REG_SZ', data: 'red' } }) },
      }),
    );
    if (!loaded.ok) throw new Error(loaded.failure.cause);
    expect(loaded.policy).toEqual([
      { source: HKLM_KEY, outcome: { kind: 'absent' } },
      { source: HKCU_KEY, outcome: { kind: 'values', keys: ['serverUrl'], ignored: ['Colour'] } },
    ]);
    expect(loaded.sources.map((s) => s.kind)).toEqual(['policy', 'policy', 'commandLine', 'userSettings', 'buildDefaults']);
  });

  it('refuses settings from a source that may not set them: a person cannot widen the origins policy allows', async () => {
    const loaded = config(await loadConfig(environment({ files: { [USER]: JSON.stringify({ externalOrigins: ['https://evil.example.com'], allowKeepSignedIn: true }) } })));
    expect(loaded.settings.externalOrigins).toEqual([]);
    expect(loaded.problems).toEqual([
      { source: USER, key: 'externalOrigins', reason: 'cannot be set in personal settings' },
      { source: USER, key: 'allowKeepSignedIn', reason: 'cannot be set in personal settings' },
    ]);
  });

  it('reports a bad development override', async () => {
    const loaded = config(await loadConfig(environment({ serverOverride: 'ftp://x' })));
    expect(loaded.settings.serverUrl).toBeNull();
    expect(loaded.problems[0]).toMatchObject({ source: '--server / STEPGATE_SERVER', key: 'serverUrl' });
  });

  it('takes extra external origins from policy as origins', async () => {
    const loaded = config(await loadConfig(environment({ files: { [LINUX_POLICY]: JSON.stringify({ externalOrigins: ['https://portal.example.com/x'] }) } })));
    expect(loaded.settings.externalOrigins).toEqual(['https://portal.example.com']);
  });
});

describe('loadConfig fails closed', () => {
  const failure = async (env: ConfigEnvironment) => {
    const loaded = await loadConfig(env);
    if (loaded.ok) throw new Error('expected the configuration to fail');
    return loaded.failure;
  };

  it('stops on a Linux policy file that exists but cannot be read', async () => {
    expect(await failure(environment({ files: { [LINUX_POLICY]: { unreadable: 'could not be read (EACCES)' } } }))).toEqual({
      source: LINUX_POLICY,
      policy: true,
      cause: 'could not be read (EACCES)',
    });
  });

  it('stops on a policy value it cannot use, rather than unlocking the setting it meant to lock', async () => {
    const env = environment({ files: { [LINUX_POLICY]: JSON.stringify({ serverUrl: 'http://insecure.example.com' }), [USER]: JSON.stringify({ serverUrl: 'https://user.example.com' }) } });
    expect(await failure(env)).toEqual({ source: LINUX_POLICY, policy: true, cause: 'the setting "serverUrl" is invalid: not a usable server address (notHttps)' });
    expect(await failure(environment({ files: { [LINUX_POLICY]: JSON.stringify({ allowKeepSignedIn: 'no' }) } }))).toMatchObject({ cause: 'the setting "allowKeepSignedIn" is invalid: must be true or false' });
    // 0 days is not "off" (allowTrustedComputer is): a value out of range stops rather than guessing.
    for (const days of [0, 366, 7.5, '30']) {
      expect(await failure(environment({ files: { [LINUX_POLICY]: JSON.stringify({ trustedComputerDays: days }) } }))).toMatchObject({
        cause: 'the setting "trustedComputerDays" is invalid: must be a whole number from 1 to 365',
      });
    }
  });

  it('stops on a Windows policy value of the wrong registry type', async () => {
    const env = environment({ platform: 'win32', registry: { [HKLM_KEY]: values({ AllowKeepSignedIn: { type: 'REG_SZ', data: '0' } }) } });
    expect(await failure(env)).toMatchObject({ source: HKLM_KEY, policy: true, cause: expect.stringMatching(/^the setting "allowKeepSignedIn" is invalid: is REG_SZ/) });
  });

  it('stops on a Linux policy file that is not JSON, or not an object', async () => {
    expect(await failure(environment({ files: { [LINUX_POLICY]: '{ "serverUrl": ' } }))).toMatchObject({ source: LINUX_POLICY, policy: true, cause: expect.stringMatching(/^is not valid JSON \(/) });
    expect(await failure(environment({ files: { [LINUX_POLICY]: '["https://id.example.com"]' } }))).toMatchObject({ cause: 'is not a JSON object of settings' });
  });

  it('stops when a Windows policy key exists but cannot be read, even if the other hive is fine', async () => {
    const env = environment({
      platform: 'win32',
      registry: {
        [HKCU_KEY]: ACCESS_DENIED,
        [HKLM_KEY]: values({ ServerUrl: { type: 'REG_SZ', data: 'https://machine.example.com' } }),
      },
    });
    expect(await failure(env)).toEqual({ source: HKCU_KEY, policy: true, cause: 'the key exists but could not be opened (RegOpenKeyExW: Access is denied. (Windows error 5))' });
  });

  it('stops on macOS managed preferences that plutil cannot convert, or that are not a dictionary', async () => {
    const broken = environment({
      platform: 'darwin',
      files: { [MAC_DEVICE]: 'bplist00garbage' },
      plutil: { [MAC_DEVICE]: { kind: 'exited', code: 1, stdout: new Uint8Array(), stderr: new TextEncoder().encode(`${MAC_DEVICE}: Property List error: Unexpected character b at line 1\n`) } },
    });
    expect(await failure(broken)).toEqual({
      source: MAC_DEVICE,
      policy: true,
      cause: `plutil could not convert it (exit code 1: ${MAC_DEVICE}: Property List error: Unexpected character b at line 1)`,
    });
    const notADict = environment({ platform: 'darwin', files: { [MAC_USER]: '<plist version="1.0"><array><string>x</string></array></plist>' } });
    expect(await failure(notADict)).toEqual({ source: MAC_USER, policy: true, cause: 'does not hold a dictionary of settings' });
    const unreadableFile = environment({ platform: 'darwin', files: { [MAC_USER]: { unreadable: 'could not be read (EACCES)' } } });
    expect(await failure(unreadableFile)).toEqual({ source: MAC_USER, policy: true, cause: 'could not be read (EACCES)' });
  });

  it('stops on a personal settings file that exists but cannot be read or parsed, naming it', async () => {
    expect(await failure(environment({ files: { [USER]: '{ not json' } }))).toMatchObject({ source: USER, policy: false, cause: expect.stringMatching(/^is not valid JSON/) });
    expect(await failure(environment({ files: { [USER]: { unreadable: 'could not be read (EISDIR)' } } }))).toEqual({
      source: USER,
      policy: false,
      cause: 'could not be read (EISDIR)',
    });
  });
});

describe('saveUserServerUrl', () => {
  it('keeps other settings and replaces a file damaged since start-up', async () => {
    const written: string[] = [];
    const write = async (_: string, text: string) => void written.push(text);
    await saveUserServerUrl(environment({ files: { [USER]: '{"theme":"dark"}' } }), write, 'https://a.example.com');
    await saveUserServerUrl(environment({ files: { [USER]: 'garbage' } }), write, 'https://b.example.com');
    expect(written.map((t) => JSON.parse(t) as unknown)).toEqual([{ theme: 'dark', serverUrl: 'https://a.example.com' }, { serverUrl: 'https://b.example.com' }]);
  });
});
