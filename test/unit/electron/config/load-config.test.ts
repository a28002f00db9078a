import { describe, expect, it } from 'vitest';
import { APP_IDENTITY, loadConfig, saveUserServerUrl, type ConfigEnvironment } from '../../../../electron/config/load-config.js';

const HKLM = 'HKLM\\Software\\Policies\\Stepgate\\Stepgate';
const HKCU = 'HKCU\\Software\\Policies\\Stepgate\\Stepgate';
const MAC_USER = `/Library/Managed Preferences/ada/${APP_IDENTITY.bundleId}.plist`;
const MAC_DEVICE = `/Library/Managed Preferences/${APP_IDENTITY.bundleId}.plist`;
const USER = '/home/ada/.config/Stepgate/settings.json';

const regOutput = (values: Record<string, string>) =>
  `\r\n${'HKEY_LOCAL_MACHINE\\Software\\Policies\\Stepgate\\Stepgate'}\r\n${Object.entries(values)
    .map(([name, v]) => `    ${name}    ${v}`)
    .join('\r\n')}\r\n\r\n`;

const plist = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${body}</dict></plist>`;

function environment(options: {
  platform?: NodeJS.Platform;
  files?: Record<string, string>;
  registry?: Record<string, string>;
  argv?: string[];
  env?: Record<string, string>;
  buildDefaults?: unknown;
}): ConfigEnvironment {
  const files = options.files ?? {};
  return {
    platform: options.platform ?? 'linux',
    argv: options.argv ?? [],
    env: options.env ?? {},
    userSettingsPath: USER,
    username: 'ada',
    buildDefaults: options.buildDefaults ?? {},
    readFile: async (path) => files[path],
    run: async (file, args) => {
      if (file === 'reg') {
        const out = options.registry?.[args[1] ?? ''];
        return out === undefined ? { code: 1, stdout: '' } : { code: 0, stdout: out };
      }
      if (file === 'plutil') {
        const path = args[args.length - 1] ?? '';
        return { code: 0, stdout: files[path] ?? '' };
      }
      return { code: 127, stdout: '' };
    },
  };
}

describe('loadConfig precedence', () => {
  const user = JSON.stringify({ serverUrl: 'https://user.example.com' });

  it('uses build defaults when nothing else is set', async () => {
    const config = await loadConfig(environment({ buildDefaults: { serverUrl: 'https://default.example.com', allowKeepSignedIn: false } }));
    expect(config).toMatchObject({ serverUrl: 'https://default.example.com', serverLocked: false, allowKeepSignedIn: false });
    expect(config.origins.serverUrl).toBe('build defaults');
  });

  it('has no server and allows keeping sessions when nothing is configured', async () => {
    const config = await loadConfig(environment({}));
    expect(config).toMatchObject({ serverUrl: null, serverLocked: false, allowKeepSignedIn: true, externalOrigins: [], problems: [] });
  });

  it('prefers the person’s settings to build defaults', async () => {
    const config = await loadConfig(
      environment({ files: { [USER]: user }, buildDefaults: { serverUrl: 'https://default.example.com' } }),
    );
    expect(config.serverUrl).toBe('https://user.example.com');
    expect(config.serverLocked).toBe(false);
  });

  it('prefers --server, then STEPGATE_SERVER, to the person’s settings', async () => {
    expect((await loadConfig(environment({ files: { [USER]: user }, argv: ['main.js', '--server', 'http://127.0.0.1:4000'] }))).serverUrl).toBe(
      'http://127.0.0.1:4000',
    );
    expect((await loadConfig(environment({ files: { [USER]: user }, argv: ['--server=https://arg.example.com'] }))).serverUrl).toBe(
      'https://arg.example.com',
    );
    expect((await loadConfig(environment({ files: { [USER]: user }, env: { STEPGATE_SERVER: 'https://env.example.com' } }))).serverUrl).toBe(
      'https://env.example.com',
    );
  });

  it('lets Linux policy in /etc win over everything else and lock the server', async () => {
    const config = await loadConfig(
      environment({
        files: { [APP_IDENTITY.linuxPolicyPath]: JSON.stringify({ serverUrl: 'https://policy.example.com' }), [USER]: user },
        argv: ['--server', 'https://arg.example.com'],
      }),
    );
    expect(config).toMatchObject({ serverUrl: 'https://policy.example.com', serverLocked: true });
    expect(config.origins.serverUrl).toBe(APP_IDENTITY.linuxPolicyPath);
  });

  it('on Windows prefers HKLM to HKCU, and HKCU to the person’s settings', async () => {
    const both = await loadConfig(
      environment({
        platform: 'win32',
        files: { [USER]: user },
        registry: {
          [HKLM]: regOutput({ ServerUrl: 'REG_SZ    https://machine.example.com' }),
          [HKCU]: regOutput({ ServerUrl: 'REG_SZ    https://hkcu.example.com', AllowKeepSignedIn: 'REG_DWORD    0x0' }),
        },
      }),
    );
    expect(both).toMatchObject({ serverUrl: 'https://machine.example.com', serverLocked: true, allowKeepSignedIn: false });
    expect(both.origins).toEqual({ serverUrl: HKLM, allowKeepSignedIn: HKCU });

    const userOnly = await loadConfig(
      environment({ platform: 'win32', files: { [USER]: user }, registry: { [HKCU]: regOutput({ ServerUrl: 'REG_SZ    https://hkcu.example.com' }) } }),
    );
    expect(userOnly).toMatchObject({ serverUrl: 'https://hkcu.example.com', serverLocked: true });
  });

  it('on macOS reads per-user then device managed preferences', async () => {
    const config = await loadConfig(
      environment({
        platform: 'darwin',
        files: {
          [MAC_USER]: plist('<key>allowKeepSignedIn</key><false/>'),
          [MAC_DEVICE]: plist('<key>serverUrl</key><string>https://mdm.example.com</string><key>allowKeepSignedIn</key><true/>'),
          [USER]: user,
        },
      }),
    );
    expect(config).toMatchObject({ serverUrl: 'https://mdm.example.com', serverLocked: true, allowKeepSignedIn: false });
  });

  it('ignores Linux policy on other platforms', async () => {
    const config = await loadConfig(
      environment({ platform: 'win32', files: { [APP_IDENTITY.linuxPolicyPath]: JSON.stringify({ serverUrl: 'https://policy.example.com' }) } }),
    );
    expect(config.serverUrl).toBeNull();
  });

  it('reports a bad value with its source, ignores it, and falls through to the next source', async () => {
    const config = await loadConfig(
      environment({
        files: {
          [APP_IDENTITY.linuxPolicyPath]: JSON.stringify({ serverUrl: 'http://insecure.example.com', allowKeepSignedIn: 'no', colour: 'red' }),
          [USER]: user,
        },
      }),
    );
    expect(config).toMatchObject({ serverUrl: 'https://user.example.com', serverLocked: false, allowKeepSignedIn: true });
    expect(config.problems).toEqual([
      { source: APP_IDENTITY.linuxPolicyPath, key: 'serverUrl', reason: 'not a usable server address (notHttps)' },
      { source: APP_IDENTITY.linuxPolicyPath, key: 'allowKeepSignedIn', reason: 'must be true or false' },
      { source: APP_IDENTITY.linuxPolicyPath, key: 'colour', reason: 'unknown setting' },
    ]);
  });

  it('reports an unreadable file and carries on', async () => {
    const config = await loadConfig(environment({ files: { [USER]: '{ not json' }, buildDefaults: { serverUrl: 'https://default.example.com' } }));
    expect(config.serverUrl).toBe('https://default.example.com');
    expect(config.problems).toEqual([{ source: USER, key: '*', reason: 'is not valid JSON' }]);
  });

  it('reports a bad --server value', async () => {
    const config = await loadConfig(environment({ argv: ['--server', 'ftp://x'] }));
    expect(config.serverUrl).toBeNull();
    expect(config.problems[0]).toMatchObject({ source: '--server / STEPGATE_SERVER', key: 'serverUrl' });
  });

  it('takes extra external origins from policy as origins', async () => {
    const config = await loadConfig(
      environment({ files: { [APP_IDENTITY.linuxPolicyPath]: JSON.stringify({ externalOrigins: ['https://portal.example.com/x'] }) } }),
    );
    expect(config.externalOrigins).toEqual(['https://portal.example.com']);
  });
});

describe('saveUserServerUrl', () => {
  it('keeps other settings and replaces a damaged file', async () => {
    const written: string[] = [];
    const write = async (_: string, text: string) => void written.push(text);
    await saveUserServerUrl(environment({ files: { [USER]: '{"allowKeepSignedIn":false}' } }), write, 'https://a.example.com');
    await saveUserServerUrl(environment({ files: { [USER]: 'garbage' } }), write, 'https://b.example.com');
    expect(written.map((t) => JSON.parse(t) as unknown)).toEqual([
      { allowKeepSignedIn: false, serverUrl: 'https://a.example.com' },
      { serverUrl: 'https://b.example.com' },
    ]);
  });
});
