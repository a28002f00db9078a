/**
 * Where the Electron runtime is, or why it is not there, found without asking the electron package.
 * Since Electron 42 the package's main export (node_modules/electron/index.js) downloads the runtime
 * when it is missing: it runs install.js, which offline fails or hangs. So this reads what that
 * installer leaves behind itself, as index.js does: path.txt names the binary under dist/ (or under
 * ELECTRON_OVERRIDE_DIST_PATH when that is set), and the binary must exist. Nothing here runs,
 * spawns or downloads anything. `npm start`, `npm run dist`, the Playwright config, the end-to-end
 * driver and the testing kit all ask here, so they agree on one binary; only
 * fetch-electron.ts downloads, on purpose.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

type Env = Readonly<Record<string, string | undefined>>;

export const NOT_INSTALLED = 'the Electron runtime is not installed (npm ci leaves it out; npm start fetches it from github.com)';

/** The folder of the electron package that `from` (a file or a folder, as a path or a file: URL) would load, found without loading it. */
export function electronPackageDir(from: string): string | null {
  const base = from.startsWith('file:') ? fileURLToPath(from) : from;
  const anchor = existsSync(base) && statSync(base).isDirectory() ? join(base, 'package.json') : base;
  try {
    // Resolving the package's package.json runs none of its code (electron has no "exports" to forbid it).
    return dirname(createRequire(anchor).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The runtime an installed electron package folder holds, read as its index.js reads it, but never fetched. */
export function electronBinaryIn(packageDir: string, env: Env = process.env): ElectronBinary {
  const pathFile = join(packageDir, 'path.txt');
  let named: string | undefined;
  try {
    named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  } catch (error) {
    return { ok: false, reason: `the Electron runtime's path.txt cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const path = join(override, named !== undefined && named !== '' ? named : 'electron');
    return existsSync(path) ? { ok: true, path } : { ok: false, reason: `there is no Electron binary at ${path} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  if (named === undefined || named === '') return { ok: false, reason: NOT_INSTALLED };
  const path = join(packageDir, 'dist', named);
  return existsSync(path) ? { ok: true, path } : { ok: false, reason: `the Electron binary is missing at ${path} (Electron's installer fetches it again)` };
}

export interface FindOptions {
  /** Where to look for the electron package from (a file or folder); by default this project. */
  readonly from?: string;
  readonly env?: Env;
}

/** The Electron runtime of this project (or of the package `from` finds), or why there is none. */
export function findElectronBinary(options: FindOptions = {}): ElectronBinary {
  const packageDir = electronPackageDir(options.from ?? import.meta.url);
  if (packageDir === null) return { ok: false, reason: 'the electron package is not installed (run npm ci)' };
  return electronBinaryIn(packageDir, options.env ?? process.env);
}

export const PREVIEW_HINT = 'Run the same app in a browser instead: npm run preview -- --server <URL>';
