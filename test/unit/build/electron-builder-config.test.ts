/**
 * The installers' configuration, as electron-builder will read it: valid against app-builder-lib's
 * own schema (scheme.json, what electron-builder validates with), and with the targets and
 * settings IT deployments depend on.
 */
import { Ajv } from 'ajv';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_IDENTITY } from '../../../electron/config/app-identity.js';
import { mergeConfig, parseDistArgs, platformsOf } from '../../../build/dist-args.js';
import { builderConfig, MSI_UPGRADE_CODE } from '../../../build/electron-builder.config.js';
import { notarisationCredentials, signingPlan } from '../../../build/signing-plan.js';

const require = createRequire(import.meta.url);
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
const release = builderConfig({ e2e: false, env: {} });

describe('electron-builder configuration', () => {
  it.each([
    ['a release build', release],
    ['an end-to-end build', builderConfig({ e2e: true, env: {} })],
    ['a notarised build', builderConfig({ e2e: false, env: { APPLE_API_KEY: 'key.p8', APPLE_API_KEY_ID: 'ID', APPLE_API_ISSUER: 'issuer' } })],
  ])('is valid against app-builder-lib’s scheme.json for %s', (_name, config) => {
    expect(validate(JSON.parse(JSON.stringify(config))), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check does refuse a configuration electron-builder would refuse', () => {
    expect(validate({ ...release, msi: { perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...release, nsis: { perMachin: true } })).toBe(false);
  });

  it('builds NSIS and MSI installers that install per machine, with a fixed MSI upgrade code', () => {
    expect(release.win?.target).toEqual(['nsis', 'msi']);
    expect(release.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(release.msi).toMatchObject({ perMachine: true, upgradeCode: MSI_UPGRADE_CODE });
  });

  it('builds dmg and pkg for macOS, deb and rpm for Linux, and no AppImage (it cannot start on Ubuntu 24.04 and later)', () => {
    expect(release.mac?.target).toEqual(['dmg', 'pkg']);
    expect(release.pkg).toMatchObject({ installLocation: '/Applications' });
    expect(release.linux?.target).toEqual(['deb', 'rpm']);
    expect(release.appImage).toBeUndefined();
    expect(release.linux?.maintainer).toMatch(/^Stepgate <.+@.+>$/);
  });

  it('uses the id the app gives Windows as its AppUserModelID and macOS as its bundle id', () => {
    expect(release.appId).toBe(APP_IDENTITY.bundleId);
  });

  it('turns off every way to run other code in the app, except --inspect in end-to-end builds', () => {
    expect(release.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(builderConfig({ e2e: true, env: {} }).electronFuses?.enableNodeCliInspectArguments).toBe(true);
  });

  it('notarises only with credentials, and says when it does not', () => {
    expect(release.mac?.notarize).toBe(false);
    expect(builderConfig({ e2e: false, env: { APPLE_ID: 'a@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' } }).mac?.notarize).toBe(true);
  });

  it('packages from package.json’s main, which is the built main process', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; author: { name: string; email: string } };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(release.files).toContain('dist/electron/**');
    expect(pkg.author).toEqual({ name: 'Stepgate', email: expect.stringMatching(/@/) });
  });
});

describe('the AppArmor profile the deb and rpm install', () => {
  // electron-builder's own install scripts and profile, which the configuration leaves in place.
  const templates = join(dirname(require.resolve('app-builder-lib/package.json')), 'templates', 'linux');
  const rendered = (name: string) =>
    readFileSync(join(templates, name), 'utf8')
      .replaceAll('${executable}', release.linux?.executableName ?? '')
      .replaceAll('${sanitizedProductName}', release.productName ?? '');

  it('keeps electron-builder’s install and removal scripts and profile', () => {
    for (const options of [release.linux, release.deb, release.rpm]) {
      expect({ ...options }).not.toHaveProperty('afterInstall');
      expect({ ...options }).not.toHaveProperty('afterRemove');
      expect({ ...options }).not.toHaveProperty('appArmorProfile');
    }
    const fpmTarget = readFileSync(join(templates, '..', '..', 'out', 'targets', 'FpmTarget.js'), 'utf8');
    expect(fpmTarget).toMatch(/copyFile\)?\(scripts\.appArmor, path\.join\(resourceDir, "apparmor-profile"\)\)/);
  });

  it('lets the installed app, and only it, create user namespaces', () => {
    const profile = rendered('apparmor-profile.tpl');
    expect(profile).toContain('profile "stepgate" "/opt/Stepgate/stepgate" flags=(unconfined) {');
    expect(profile).toMatch(/^\s*userns,$/m);
  });

  it('is copied to /etc/apparmor.d and loaded on install, unloaded and deleted on removal', () => {
    const install = rendered('after-install.tpl');
    expect(install).toContain("APPARMOR_PROFILE_SOURCE='/opt/Stepgate/resources/apparmor-profile'");
    expect(install).toContain("APPARMOR_PROFILE_TARGET='/etc/apparmor.d/stepgate'");
    expect(install).toContain('apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"');
    const removal = rendered('after-remove.tpl');
    expect(removal).toContain("APPARMOR_PROFILE_DEST='/etc/apparmor.d/stepgate'");
    expect(removal).toContain('apparmor_parser --remove "$APPARMOR_PROFILE_DEST"');
  });
});

describe('npm run dist arguments', () => {
  it('passes electron-builder’s own arguments through, and keeps --e2e for itself', () => {
    const args = parseDistArgs(['--e2e', '--win', 'nsis', '--x64', '-c.nsis.perMachine=false']);
    expect(args.e2e).toBe(true);
    expect(args.builder).toMatchObject({ win: ['nsis'], x64: true });
    expect(args.overrides).toEqual({ nsis: { perMachine: 'false' } });
    expect(parseDistArgs([])).toMatchObject({ e2e: false, overrides: {} });
  });

  it('refuses a configuration file and arguments electron-builder does not know', () => {
    expect(() => parseDistArgs(['--config', 'other.yml'])).toThrow(/build\/electron-builder\.config\.ts/);
    expect(() => parseDistArgs(['--windoze'])).toThrow();
    expect(() => parseDistArgs(['release'])).toThrow(/Unknown argument: release/);
  });

  it('refuses 32-bit builds, which Electron no longer publishes', () => {
    expect(() => parseDistArgs(['--win', '--ia32'])).toThrow('Electron publishes no 32-bit builds since version 44 (--ia32): build for x64 or arm64');
    expect(() => parseDistArgs(['--linux', '--armv7l'])).toThrow(/\(--armv7l\)/);
    expect(() => parseDistArgs(['--win', 'nsis:ia32'])).toThrow(/\(nsis:ia32\)/);
    expect(parseDistArgs(['--linux', 'deb:arm64', '--x64']).builder).toMatchObject({ linux: ['deb:arm64'], x64: true });
  });

  it('merges -c.key=value overrides over the configuration', () => {
    expect(mergeConfig({ nsis: { perMachine: true, oneClick: false }, appId: 'a' }, { nsis: { perMachine: false } })).toEqual({
      nsis: { perMachine: false, oneClick: false },
      appId: 'a',
    });
  });

  it('knows which platforms a run builds', () => {
    expect(platformsOf(parseDistArgs(['--mac', '--linux']).builder, 'linux')).toEqual(['mac', 'linux']);
    expect(platformsOf(parseDistArgs([]).builder, 'win32')).toEqual(['win']);
  });
});

describe('signingPlan', () => {
  it('says what is signed and what is skipped, naming the variables but never their values', () => {
    const secret = 'hunter2-secret-password';
    expect(signingPlan({ CSC_LINK: '/keys/company.pfx', CSC_KEY_PASSWORD: secret }, ['win', 'mac', 'linux'])).toEqual([
      'Windows: signing with the certificate in CSC_LINK',
      'macOS: signing with the certificate in CSC_LINK',
      'macOS: not notarised (set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER to notarise)',
      'Linux: packages are not signed; sign the repository that serves them',
    ]);
    expect(signingPlan({}, ['win'])).toEqual(['Windows: not signed (set WIN_CSC_LINK or CSC_LINK, and WIN_CSC_KEY_PASSWORD or CSC_KEY_PASSWORD, to sign)']);
    expect(signingPlan({ CSC_KEY_PASSWORD: secret }, ['win', 'mac']).join('\n')).not.toContain(secret);
  });

  it('recognises each way of notarising', () => {
    expect(notarisationCredentials({ APPLE_API_KEY: 'k', APPLE_API_KEY_ID: 'i', APPLE_API_ISSUER: 's' })).toBe('apiKey');
    expect(notarisationCredentials({ APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' })).toBe('appleId');
    expect(notarisationCredentials({ APPLE_KEYCHAIN: 'k', APPLE_KEYCHAIN_PROFILE: 'p' })).toBe('keychainProfile');
    expect(notarisationCredentials({ APPLE_ID: 'a' })).toBeNull();
  });
});
