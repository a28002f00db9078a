/**
 * "Is the Electron runtime installed?" must never download it. Since Electron 42 the electron
 * package's main export (index.js) runs its installer when path.txt or the binary is missing, so
 * findElectronBinary reads path.txt and dist/ itself. Here it runs in a child Node process against a
 * temporary copy of the electron package, with the download mirror (ELECTRON_MIRROR) a recording
 * server on loopback and a time limit: it must answer at once with the reason, ask the mirror for
 * nothing and leave the package folder as it was. The same copy loaded with require('electron')
 * does ask the mirror, which shows the check would see a download if one were tried.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryIn, electronPackageDir, findElectronBinary, NOT_INSTALLED } from '../../../../electron/launch/electron-binary.js';
import { electronInstallerPath } from '../../../../electron/launch/fetch-electron.js';
import { installerEnv, ROOT, startDownloadMirror, type DownloadMirror } from './download-mirror.js';

const ELECTRON = join(ROOT, 'node_modules', 'electron');
const PACKAGE_FILES = readdirSync(ELECTRON).filter((name) => /\.(js|json)$/.test(name));
const { version } = JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')) as { readonly version: string };

const work = mkdtempSync(join(tmpdir(), 'stepgate-electron-binary-'));
const app = join(work, 'app');
const copy = join(app, 'node_modules', 'electron');
const cache = join(work, 'cache');

let mirror: DownloadMirror;
beforeAll(async () => {
  mirror = await startDownloadMirror();
});
afterAll(async () => {
  await mirror.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => {
  // A fresh copy of the package as `npm ci` leaves it: no path.txt, no dist/.
  rmSync(app, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "probe", "private": true }\n');
  for (const file of PACKAGE_FILES) copyFileSync(join(ELECTRON, file), join(copy, file));
  mirror.reset();
});

const env = (extra: Record<string, string> = {}) => installerEnv(mirror.url, cache, { ELECTRON_GET_NO_PROGRESS: '1', ...extra });

interface ChildResult {
  readonly stdout: string;
  readonly failed: boolean;
  readonly ms: number;
}

/** Runs one probe in a child Node process, killed after `timeoutMs`. */
function child(code: string, childEnv: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<ChildResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env: childEnv, timeout: timeoutMs }, (error, stdout) =>
      resolve({ stdout: stdout.trim(), failed: error !== null, ms: performance.now() - started }),
    );
  });
}

const FIND = `import { findElectronBinary } from ${JSON.stringify(join(ROOT, 'electron', 'launch', 'electron-binary.ts'))};
console.log(JSON.stringify(findElectronBinary({ from: ${JSON.stringify(app)} })));`;
const REQUIRE = `import { createRequire } from 'node:module';
createRequire(${JSON.stringify(join(app, 'package.json'))})('electron');`;

const artefact = `/v${version}/electron-v${version}-${process.platform}-${process.arch}.zip`;

describe('findElectronBinary in a child process, with the download mirror watched', () => {
  it('answers at once that the runtime is not installed when there is no path.txt, and downloads nothing', async () => {
    const result = await child(FIND, env());
    expect(result.failed).toBe(false);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, reason: NOT_INSTALLED });
    expect(result.ms).toBeLessThan(10_000);
    expect(mirror.requests).toEqual([]);
    expect(readdirSync(copy).sort()).toEqual([...PACKAGE_FILES].sort());
  });

  it('answers at once that the binary is missing when path.txt names one dist/ does not hold, and downloads nothing', async () => {
    writeFileSync(join(copy, 'path.txt'), 'electron');
    const result = await child(FIND, env());
    expect(result.failed).toBe(false);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, reason: `the Electron binary is missing at ${join(copy, 'dist', 'electron')} (Electron's installer fetches it again)` });
    expect(mirror.requests).toEqual([]);
    expect(readdirSync(copy).sort()).toEqual([...PACKAGE_FILES, 'path.txt'].sort());
  });

  it('answers at once with no network at all (the mirror a closed port)', async () => {
    const result = await child(FIND, env({ ELECTRON_MIRROR: 'http://127.0.0.1:9/' }), 5_000);
    expect(result.failed).toBe(false);
    expect(JSON.parse(result.stdout)).toEqual({ ok: false, reason: NOT_INSTALLED });
    expect(readdirSync(copy)).not.toContain('dist');
  });

  it('where require("electron") in the same copy does try to download the runtime', async () => {
    const result = await child(REQUIRE, env());
    expect(result.failed).toBe(true);
    expect(mirror.requests).toEqual([artefact]);
  });
});

describe('electronBinaryIn', () => {
  it('names the binary path.txt names under dist/, when it is there', () => {
    writeFileSync(join(copy, 'path.txt'), 'electron');
    mkdirSync(join(copy, 'dist'));
    writeFileSync(join(copy, 'dist', 'electron'), '');
    expect(electronBinaryIn(copy, {})).toEqual({ ok: true, path: join(copy, 'dist', 'electron') });
    expect(findElectronBinary({ from: app, env: {} })).toEqual({ ok: true, path: join(copy, 'dist', 'electron') });
  });

  it('looks under ELECTRON_OVERRIDE_DIST_PATH instead, as index.js does, with or without path.txt', () => {
    const override = join(work, 'override');
    mkdirSync(override, { recursive: true });
    expect(electronBinaryIn(copy, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({
      ok: false,
      reason: `there is no Electron binary at ${join(override, 'electron')} (ELECTRON_OVERRIDE_DIST_PATH)`,
    });
    writeFileSync(join(override, 'electron'), '');
    expect(electronBinaryIn(copy, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ ok: true, path: join(override, 'electron') });
    writeFileSync(join(copy, 'path.txt'), 'electron');
    expect(electronBinaryIn(copy, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ ok: true, path: join(override, 'electron') });
    // An empty value is no override.
    expect(electronBinaryIn(copy, { ELECTRON_OVERRIDE_DIST_PATH: '' }).ok).toBe(false);
  });

  it('says when there is no electron package at all', () => {
    expect(electronPackageDir(work)).toBeNull();
    expect(findElectronBinary({ from: work })).toEqual({ ok: false, reason: 'the electron package is not installed (run npm ci)' });
  });

  it('finds the package from a folder, a file in it or a file: URL, and its installer by its install-electron bin', () => {
    expect(electronPackageDir(app)).toBe(copy);
    expect(electronPackageDir(join(app, 'package.json'))).toBe(copy);
    expect(electronPackageDir(new URL(`file://${app}/`).href)).toBe(copy);
    expect(electronInstallerPath(copy)).toBe(join(copy, 'install.js'));
    expect(electronInstallerPath()).toBe(join(ELECTRON, 'install.js'));
  });
});
