/**
 * The scripts behind `npm run server`, `npm pack` and `npm start`, run as those commands run them
 * (`tsx <script>`), from a copy of the project in a folder whose name URLs escape, once through a
 * symlinked folder: each must do its work, not load and quietly do nothing.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..', '..', '..');
/** Each takes 2 to 15 seconds on a two-core Linux machine; Windows runners are slower. */
const TIMEOUT_MS = 120_000;

const root = mkdtempSync(join(tmpdir(), 'stepgate entry '));
/** A space and a non-ASCII letter: both are escaped in a file: URL (%20, %C3%A9). */
const project = join(root, 'step gate é');
/** The same project reached through a symlink, as a linked home or work folder does. */
const linked = join(root, 'linked project');

/** The work tree as it is now (committed or not, ignored files left out), with the installed packages linked in. */
async function copyProject(): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024 });
  for (const file of stdout.split('\0')) {
    if (file === '' || !existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(project, file)), { recursive: true });
    cpSync(join(REPO, file), join(project, file));
  }
  // 'junction' lets Windows link a folder without administrator rights; elsewhere it is ignored.
  symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'), 'junction');
  symlinkSync(project, linked, 'junction');
}

/** `tsx script args`, as npm scripts run it, from the project folder. */
function tsx(script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env) {
  const cli = join(project, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return run(process.execPath, [cli, script, ...args], { cwd: project, env, timeout: TIMEOUT_MS }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code?: unknown; stdout?: string; stderr?: string }) => ({ code: error.code, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

const built = (file: string) => existsSync(join(project, file));

beforeAll(copyProject, TIMEOUT_MS);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('entry points in a folder whose name a URL escapes', () => {
  it('build-server.ts bundles the server (npm run server, npm start)', async () => {
    expect(built('dist/server/main.js')).toBe(false);
    const result = await tsx('build/build-server.ts');
    expect(result.stderr).toBe('');
    expect(built('dist/server/main.js')).toBe(true);
  }, TIMEOUT_MS);

  it('build-electron-main.ts bundles the main process and preload, started through a symlinked folder', async () => {
    expect(built('dist/electron/main.js')).toBe(false);
    const result = await tsx(join(linked, 'build', 'build-electron-main.ts'));
    expect(result.code, result.stderr).toBe(0);
    expect(built('dist/electron/main.js')).toBe(true);
    expect(built('dist/electron/preload.cjs')).toBe(true);
  }, TIMEOUT_MS);

  it('build-testing-kit.ts builds the kit and its types (npm pack)', async () => {
    expect(built('dist/testing/index.js')).toBe(false);
    const result = await tsx('build/build-testing-kit.ts');
    expect(result.code, result.stderr).toBe(0);
    expect(built('dist/testing/index.js')).toBe(true);
    expect(built('dist/testing/types/testing/index.d.ts')).toBe(true);
  }, TIMEOUT_MS);

  it('start-desktop.ts runs: without an Electron runtime it builds the renderer and says what to do instead', async () => {
    expect(built('dist/renderer/index.html')).toBe(false);
    const nowhere = join(root, 'no electron');
    mkdirSync(nowhere);
    // The runtime is looked for in an empty folder and "fetched" from a closed loopback port into an
    // empty cache: nothing leaves the machine, and a machine that has the runtime behaves the same.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/electron/i.test(key)));
    const result = await tsx('electron/launch/start-desktop.ts', ['--server', 'http://127.0.0.1:1'], {
      ...env,
      ELECTRON_OVERRIDE_DIST_PATH: nowhere,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: nowhere,
      STEPGATE_ELECTRON_FETCH_SECONDS: '30',
    });
    expect(result.stdout).toContain('The Stepgate desktop app cannot open on this machine:');
    expect(result.stdout).toContain('Run the same app in a browser instead: npm run preview -- --server http://127.0.0.1:1');
    expect(result.code).toBe(1);
    expect(built('dist/renderer/index.html')).toBe(true);
  }, TIMEOUT_MS);
});
