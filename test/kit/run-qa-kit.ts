/**
 * `npm run test:kit`: proves the testing kit from outside the repository. The sample QA project
 * (examples/qa-kit) is copied to a temporary folder, so nothing can be found in this repository's
 * node_modules; this repository is packed with `npm pack` (which builds the kit, the renderer and
 * the pages) into the copy's vendor/stepgate.tgz; the copy installs it with `npm ci --offline`
 * from the npm cache (its lockfile pins what this repository's lockfile pins) and runs its own
 * `npm test`: the type-checker over its specs, then Playwright, with a keychain of its own.
 * Nothing is compiled there: the SQLite module ships its prebuilt Node-API binaries in its package.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(ROOT, 'examples', 'qa-kit');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`[qa-kit] ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  // npm is a .cmd script on Windows, which Node runs only through a shell.
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} in ${cwd} failed (exit ${result.status ?? result.signal})`);
}

/**
 * The sample's specs keep sessions and trusted-computer tokens in the system keychain, as a QA team's
 * do: on Linux they run in a private D-Bus session with an unlocked gnome-keyring of their own (its
 * keyring folder thrown away after), as docs/testing.md tells QA teams to; elsewhere the user's keychain serves.
 */
function runWithKeychain(cwd: string, env: NodeJS.ProcessEnv): void {
  if (process.platform !== 'linux') return run(npm, ['test'], cwd, env);
  const keyringHome = mkdtempSync(join(tmpdir(), 'stepgate-qa-kit-keyring-'));
  try {
    const script = "printf 'qa-kit' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && npm test";
    run('dbus-run-session', ['--', 'bash', '-c', script], cwd, { ...env, XDG_DATA_HOME: keyringHome });
  } finally {
    rmSync(keyringHome, { recursive: true, force: true });
  }
}

const work = mkdtempSync(join(tmpdir(), 'stepgate-qa-kit-'));
try {
  cpSync(EXAMPLE, work, { recursive: true, filter: (source) => !/(^|\/)(node_modules|vendor|test-results)(\/|$)/.test(relative(EXAMPLE, source)) });
  const vendor = join(work, 'vendor');
  mkdirSync(vendor);
  timed('npm pack (builds the renderer, the pages and the kit)', () => {
    run(npm, ['pack', '--pack-destination', vendor], ROOT);
    const [tarball, ...others] = readdirSync(vendor).filter((name) => name.endsWith('.tgz'));
    if (tarball === undefined || others.length > 0) throw new Error(`npm pack left ${readdirSync(vendor).join(', ') || 'nothing'} in ${vendor}`);
    renameSync(join(vendor, tarball), join(vendor, 'stepgate.tgz'));
  });
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  timed('npm ci --offline in the sample project', () => run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], work, env));
  timed('npm test in the sample project', () => runWithKeychain(work, env));
} finally {
  rmSync(work, { recursive: true, force: true });
}
