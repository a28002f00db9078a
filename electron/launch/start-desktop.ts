/**
 * Starts the desktop app against a server: `tsx electron/launch/start-desktop.ts --server URL`.
 * Fetches the Electron runtime when it is missing, builds the renderer and the main process, then
 * runs Electron on this project (package.json's "main", so the app has its own name and profile
 * folder). Where the runtime cannot be had it says why in one sentence and names the preview
 * command; with --fallback-preview it then starts that preview itself, so a start command still
 * ends in a usable sign-in page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { buildElectronMain } from '../../build/build-electron-main.js';
import { isEntryPoint } from '../../build/entry-point.js';
import { PREVIEW_HINT } from './electron-binary.js';
import { ensureElectronRuntime } from './fetch-electron.js';

const PROJECT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DesktopOptions {
  readonly server: string | undefined;
  readonly fallbackPreview: boolean;
}

/** Resolves with the exit code of the app (or of the preview standing in for it). */
export async function startDesktop(options: DesktopOptions): Promise<number> {
  const serverArgs = options.server === undefined ? [] : ['--server', options.server];
  const binary = await ensureElectronRuntime();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  let child: ChildProcess;
  if (binary.ok) {
    await buildElectronMain();
    child = spawn(binary.path, [PROJECT_DIR, ...serverArgs], { stdio: 'inherit' });
  } else {
    console.log('');
    console.log(`The Stepgate desktop app cannot open on this machine: ${binary.reason}.`);
    console.log(options.server === undefined ? PREVIEW_HINT : `Run the same app in a browser instead: npm run preview -- --server ${options.server}`);
    if (!options.fallbackPreview) return 1;
    console.log('Starting that preview now.');
    child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/preview-main.ts', ...serverArgs], { stdio: 'inherit' });
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

if (isEntryPoint(import.meta.url)) {
  const { values } = parseArgs({
    options: { server: { type: 'string' }, 'fallback-preview': { type: 'boolean', default: false } },
    strict: true,
  });
  process.exit(await startDesktop({ server: values.server, fallbackPreview: values['fallback-preview'] }));
}
