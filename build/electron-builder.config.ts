/**
 * electron-builder configuration. Fuses are flipped at packaging time: release builds turn off
 * everything that lets another program run code inside the app (ELECTRON_RUN_AS_NODE,
 * NODE_OPTIONS, --inspect) and load the app only from the integrity-checked asar. End-to-end
 * builds keep the inspect switches, which Playwright's _electron.launch needs.
 */
import type { Configuration } from 'electron-builder';

export function builderConfig(options: { readonly e2e: boolean }): Configuration {
  return {
    appId: 'dev.stepgate.desktop',
    productName: 'Stepgate',
    directories: { output: 'release', buildResources: 'build' },
    // Main and renderer are bundles; the keychain's native module is the only runtime dependency.
    files: [
      'dist/electron/**',
      'dist/renderer/**',
      'package.json',
      '!**/*.map',
      '!node_modules/**',
      'node_modules/@napi-rs/keyring/**',
      'node_modules/@napi-rs/keyring-*/**',
    ],
    // The keychain module is N-API with prebuilt binaries: nothing to rebuild for Electron.
    npmRebuild: false,
    extraResources: [{ from: 'build/policy', to: 'policy' }],
    asar: true,
    // The keychain module is native; it must stay outside the asar archive to load.
    asarUnpack: ['node_modules/@napi-rs/keyring*/**'],
    extraMetadata: { main: 'dist/electron/main.js' },
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
    win: { target: [{ target: 'nsis' }, { target: 'msi' }] },
    nsis: { oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true },
    mac: { target: ['dmg', 'zip'], category: 'public.app-category.productivity', hardenedRuntime: true },
    linux: { target: ['AppImage', 'deb'], category: 'Utility', maintainer: 'Stepgate' },
  };
}
