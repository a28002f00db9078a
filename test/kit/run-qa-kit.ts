/**
 * `npm run test:kit`: proves the testing kit from outside the repository. The sample QA project
 * (examples/qa-kit) is copied to a temporary folder, so nothing can be found in this repository's
 * node_modules; this repository is packed with `npm pack` (which builds the kit, the renderer and
 * the pages) into the copy's vendor/stepgate.tgz; the copy installs it with `npm ci --offline`
 * from the npm cache (its lockfile pins what this repository's lockfile pins) and runs its own
 * `npm test`: the type-checker over its specs, then Playwright.
 *
 * The SQLite module needs a native build. Instead of compiling it again (over a minute on two
 * cores), the build this repository's `npm ci` made is offered as a local prebuild, which the
 * module's installer (prebuild-install) takes when its version and Node's ABI match, as it would
 * take a downloaded one; otherwise it compiles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The SQLite module this repository built, as the prebuild tarball its installer looks for; null when there is none. */
function localSqlitePrebuild(into: string): string | null {
  const require = createRequire(join(ROOT, 'package.json'));
  const dir = join(ROOT, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(dir, 'build', 'Release', 'better_sqlite3.node'))) return null;
  const { version } = require('better-sqlite3/package.json') as { version: string };
  mkdirSync(into, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(into, name), '-C', dir, 'build/Release/better_sqlite3.node']);
  return into;
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
  const prebuilds = localSqlitePrebuild(join(work, '.prebuilds'));
  const installEnv = {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    ...(prebuilds === null ? {} : { npm_config_better_sqlite3_local_prebuilds: prebuilds }),
  };
  timed('npm ci --offline in the sample project', () => run(npm, ['ci', '--offline', '--no-audit', '--no-fund'], work, installEnv));
  timed('npm test in the sample project', () => run(npm, ['test'], work, { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
