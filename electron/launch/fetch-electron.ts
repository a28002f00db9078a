/**
 * Fetches the Electron runtime the first time `npm start` or `npm run dist` needs it, by running
 * Electron's own installer (the electron package's `install-electron` bin, install.js: download,
 * checksum, unpack, path.txt) with a progress line and a time limit. This is the one place that
 * downloads it: everything else only asks electron-binary.ts, which never does. `npm ci` does not
 * run that installer (package.json's allowScripts denies it, and since Electron 42 the package has
 * no install script anyway), so installing works on machines that cannot download it; there the
 * fetch fails, says why in one sentence, and the caller goes on without the runtime.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary, type ElectronBinary } from './electron-binary.js';

export type FetchOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface FetchOptions {
  /** Electron's installer; by default the one of the installed electron package. */
  readonly installer?: string;
  readonly timeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Receives the progress line as it changes; by default it is drawn on standard output. */
  readonly onProgress?: (line: string) => void;
}

const DEFAULT_FETCH_TIMEOUT_MS = 5 * 60_000;
const PROGRESS_HOOK = fileURLToPath(new URL('./electron-download-progress.cjs', import.meta.url));

/** The electron package's `install-electron` bin (install.js), found from its package.json without loading the package. */
export function electronInstallerPath(packageDir: string | null = electronPackageDir(import.meta.url)): string {
  if (packageDir === null) throw new Error('the electron package is not installed (run npm ci)');
  const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { readonly bin?: unknown };
  const named = typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)['install-electron'] : undefined;
  return join(packageDir, typeof named === 'string' ? named : 'install.js');
}

/** The time limit: STEPGATE_ELECTRON_FETCH_SECONDS for slow links, else five minutes. */
export function fetchTimeoutMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env['STEPGATE_ELECTRON_FETCH_SECONDS']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_FETCH_TIMEOUT_MS;
}

export interface Progress {
  readonly transferred: number;
  readonly total: number | null;
  readonly elapsedMs: number;
  readonly limitMs: number;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;

/** One line: how far, how long, how long at most. */
export function progressLine(progress: Progress): string {
  const seconds = `${Math.floor(progress.elapsedMs / 1000)} s of at most ${Math.round(progress.limitMs / 1000)} s`;
  if (progress.transferred === 0) return `Fetching the Electron runtime (first start only)… ${seconds}`;
  const amount =
    progress.total === null || progress.total === 0
      ? megabytes(progress.transferred)
      : `${Math.floor((progress.transferred / progress.total) * 100)}% of ${megabytes(progress.total)}`;
  return `Fetching the Electron runtime (first start only)… ${amount}, ${seconds}`;
}

/** The installer's complaint, in one sentence: the first line of what it printed, without the stack. */
export function failureReason(stderr: string, exitCode: number | null): string {
  const first = stderr.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('at '));
  const said = first === undefined ? `it exited with code ${exitCode ?? 'none'}` : first.replace(/^(Request|HTTP|Type)?Error: /, '');
  return `Electron's installer could not fetch the runtime (${said})`;
}

function terminalProgress(): (line: string) => void {
  if (process.stdout.isTTY) return (line) => process.stdout.write(`\r${line}\u001b[K`);
  // In a log, a line every ten percent rather than a redrawn one.
  let lastShown = '';
  return (line) => {
    const step = /(\d+)%/.exec(line)?.[1]?.slice(0, -1) ?? line.slice(0, 40);
    if (step !== lastShown) console.log(line);
    lastShown = step;
  };
}

export function fetchElectronRuntime(options: FetchOptions = {}): Promise<FetchOutcome> {
  const limitMs = options.timeoutMs ?? fetchTimeoutMs(options.env ?? process.env);
  const show = options.onProgress ?? terminalProgress();
  const started = Date.now();
  let progress: Omit<Progress, 'elapsedMs' | 'limitMs'> = { transferred: 0, total: null };
  const draw = () => show(progressLine({ ...progress, elapsedMs: Date.now() - started, limitMs }));

  let installer: string;
  try {
    installer = options.installer ?? electronInstallerPath();
  } catch (error) {
    return Promise.resolve({ ok: false, reason: error instanceof Error ? error.message : String(error) });
  }
  return new Promise((resolve) => {
    const child = fork(installer, [], {
      execArgv: ['--require', PROGRESS_HOOK],
      // The installer's own progress bar would fight with this line.
      env: { ...(options.env ?? process.env), ELECTRON_GET_NO_PROGRESS: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.resume();
    child.on('message', (message: { transferred?: unknown; total?: unknown }) => {
      if (typeof message.transferred !== 'number') return;
      progress = { transferred: message.transferred, total: typeof message.total === 'number' ? message.total : null };
      draw();
    });
    draw();
    const ticker = setInterval(draw, 1000);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, limitMs);
    const finish = (outcome: FetchOutcome) => {
      clearInterval(ticker);
      clearTimeout(timer);
      if (process.stdout.isTTY && options.onProgress === undefined) process.stdout.write('\n');
      resolve(outcome);
    };
    child.on('error', (error) => finish({ ok: false, reason: `Electron's installer could not be started (${error.message})` }));
    child.on('exit', (code) => {
      if (timedOut) return finish({ ok: false, reason: `the Electron runtime did not arrive within ${Math.round(limitMs / 1000)} seconds` });
      finish(code === 0 ? { ok: true } : { ok: false, reason: failureReason(stderr, code) });
    });
  });
}

/** The Electron runtime, fetched first when it is missing; or why it cannot be had (the caller says what happens next). */
export async function ensureElectronRuntime(options: FetchOptions = {}): Promise<ElectronBinary> {
  const found = findElectronBinary();
  if (found.ok) return found;
  const fetched = await fetchElectronRuntime(options);
  return fetched.ok ? findElectronBinary() : { ok: false, reason: fetched.reason };
}
