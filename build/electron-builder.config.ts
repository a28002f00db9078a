/**
 * electron-builder configuration. Installers IT can deploy: Windows NSIS and MSI installed per
 * machine (GPO computer assignment, Intune device installs), macOS dmg and pkg, Linux deb and rpm.
 * Signing and notarisation come from the usual environment variables (see signing-plan.ts) and are
 * skipped when they are absent.
 *
 * Fuses are flipped at packaging time: release builds turn off everything that lets another
 * program run code inside the app (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) and load the app
 * only from the integrity-checked asar. End-to-end builds keep the inspect switches, which
 * Playwright's _electron.launch needs. No fuse covers Chromium's --remote-debugging-port and
 * --remote-debugging-pipe: a release given them refuses to start (electron/security/remote-control.ts).
 * The version packaged is the electron package's (45), whose runtime electron-builder downloads
 * itself, or takes from the shared cache where `npm run dist` has fetched it.
 */
import type { Configuration } from 'electron-builder';
import { APP_IDENTITY } from '../electron/config/app-identity.js';
import { notarisationCredentials } from './signing-plan.js';

export interface BuilderOptions {
  readonly e2e: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Fixed for good: Windows Installer recognises upgrades of the same product by it. */
export const MSI_UPGRADE_CODE = 'F0F924DF-2328-5195-A502-F57C32FFC403';

export function builderConfig(options: BuilderOptions): Configuration {
  return {
    appId: APP_IDENTITY.bundleId,
    productName: 'Stepgate',
    copyright: 'Copyright © Stepgate',
    directories: { output: 'release', buildResources: 'build' },
    // Main and renderer are bundles; the keychain's and the Windows registry's native modules (and the
    // loader native-reg finds its prebuilt binary with) are the only runtime dependencies.
    files: [
      'dist/electron/**',
      'dist/renderer/**',
      'package.json',
      '!**/*.map',
      '!node_modules/**',
      'node_modules/@napi-rs/keyring/**',
      'node_modules/@napi-rs/keyring-*/**',
      'node_modules/native-reg/**',
      'node_modules/node-gyp-build/**',
    ],
    // The keychain module is N-API with prebuilt binaries: nothing to rebuild for Electron.
    npmRebuild: false,
    // The policy templates and the guide to them travel with the app, for IT to find beside it.
    extraResources: [
      { from: 'build/policy', to: 'policy' },
      { from: 'docs/deploying.md', to: 'policy/deploying.md' },
    ],
    asar: true,
    // The native modules must stay outside the asar archive to load.
    asarUnpack: ['node_modules/@napi-rs/keyring*/**', 'node_modules/native-reg/**'],
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: options.e2e,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    },

    win: { target: ['nsis', 'msi'] },
    nsis: {
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      // Settings, the log and kept sessions belong to the person, not to the installation.
      deleteAppDataOnUninstall: false,
    },
    // Per machine: per-user MSIs break GPO computer assignment and Intune device installs.
    msi: { oneClick: true, perMachine: true, runAfterFinish: false, createDesktopShortcut: true, createStartMenuShortcut: true, upgradeCode: MSI_UPGRADE_CODE },

    mac: {
      target: ['dmg', 'pkg'],
      category: 'public.app-category.productivity',
      hardenedRuntime: true,
      // Without credentials electron-builder would warn and skip anyway; this says so plainly.
      notarize: notarisationCredentials(options.env) !== null,
    },
    pkg: { installLocation: '/Applications', allowAnywhere: false, allowCurrentUserHome: false, isRelocatable: false, isVersionChecked: true, overwriteAction: 'upgrade' },

    linux: {
      // deb and rpm only. Their install script (electron-builder's own) loads an AppArmor profile that lets
      // /opt/Stepgate/stepgate create the user namespaces Chromium's sandbox needs, which Ubuntu 24.04 and later
      // withhold otherwise. An AppImage cannot start there: it gets no profile without an administrator, and its
      // set-uid fallback (chrome-sandbox) cannot work inside its FUSE mount.
      target: ['deb', 'rpm'],
      category: 'Utility',
      executableName: 'stepgate',
      maintainer: 'Stepgate <support@stepgate.dev>',
      vendor: 'Stepgate',
      synopsis: 'Desktop sign-in for TOTP-protected accounts',
    },
  };
}
