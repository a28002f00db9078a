/**
 * Where the Electron runtime is, or why it is not there, as the electron package itself says: its
 * main export reads node_modules/electron/path.txt (written by its installer) and names the binary
 * under node_modules/electron/dist, or throws when the installer has not run. `npm start`, the
 * Playwright config and the end-to-end driver all ask here, so they agree on one binary.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export type ElectronBinary = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  try {
    const path = require('electron') as unknown;
    if (typeof path !== 'string') return { ok: false, reason: 'the electron package did not name a binary' };
    if (!existsSync(path)) return { ok: false, reason: `the Electron binary is missing at ${path}` };
    return { ok: true, path };
  } catch {
    // The package's own message ("delete node_modules/electron and try installing again") misleads here:
    // npm ci leaves the runtime out on purpose (allowScripts), and npm start fetches it.
    return { ok: false, reason: 'the Electron runtime is not installed (npm ci leaves it out; npm start fetches it from github.com)' };
  }
}

export const PREVIEW_HINT = 'Run the same app in a browser instead: npm run preview -- --server <URL>';
