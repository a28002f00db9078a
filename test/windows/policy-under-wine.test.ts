/**
 * The Windows policy reader on a Windows registry: Wine's, with node.exe (Node for Windows), the
 * reader bundled as the app's main process is and started from a folder whose path has a space.
 * States are made with `reg add`; one node.exe reads them all (test/windows/policy-probe.ts).
 * Wine cannot show what a real Windows enforces: registry ACLs (a key the person may not read) and
 * Group Policy's refresh; the reader's answer to an unreadable key is tested in test/unit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_IDENTITY } from '../../electron/config/app-identity.js';
import type { ProbeInput, ProbeOutput } from './probe-contract.js';
import { STATES, statesBatch, VENDOR } from './policy-states.js';
import { stopWine, wine, wineMissing, windowsNode, windowsPath, winePrefix, type Ran } from './wine.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'stepgate wine '));
/** Where the bundle runs from, as an installed app's does: a path with a space. */
const appDir = join(scratch, 'Stepgate App');

/** The probe bundled as build/build-electron-main.ts bundles the main process: only the native modules stay outside. */
async function bundleProbe(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, target: 'node' },
    define: { __STEPGATE_E2E_BUILD__: 'false' },
    build: {
      outDir: appDir,
      emptyOutDir: true,
      target: 'node22',
      ssr: join(REPO, 'test/windows/policy-probe.ts'),
      rollupOptions: { external: [/^node:/, ...builtinModules, /^native-reg$/], output: { format: 'es', entryFileNames: 'policy-probe.mjs' } },
    },
  });
  for (const module of ['native-reg', 'node-gyp-build']) cpSync(join(REPO, 'node_modules', module), join(appDir, 'node_modules', module), { recursive: true });
}

let output: ProbeOutput;
let relative: Ran;
let bundle: string;

beforeAll(async () => {
  const missing = wineMissing();
  if (missing !== null) throw new Error(missing);
  const times: string[] = [];
  const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    times.push(`${label} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const node = await timed('node.exe', windowsNode);
  const prefix = await timed('prefix', () => winePrefix(scratch));
  await timed('bundle', bundleProbe);
  bundle = readFileSync(join(appDir, 'policy-probe.mjs'), 'utf8');

  writeFileSync(join(scratch, 'states.cmd'), statesBatch(APP_IDENTITY.vendor, APP_IDENTITY.app));
  const states = await timed('reg add', () => wine(['cmd', '/c', windowsPath(join(scratch, 'states.cmd'))], { cwd: scratch, outputFile: join(scratch, 'states.txt') }));
  if (states.status !== 0) throw new Error(`reg add failed: ${states.output}`);

  const input: ProbeInput = { vendor: VENDOR, apps: Object.keys(STATES), userSettingsPath: windowsPath(join(scratch, 'settings.json')) };
  writeFileSync(join(scratch, 'cases.json'), JSON.stringify(input));
  const results = join(scratch, 'results.json');
  const probeArgs = [windowsPath(join(scratch, 'cases.json')), windowsPath(results)];
  const ran = await timed('node.exe reads', () => wine([node, windowsPath(join(appDir, 'policy-probe.mjs')), ...probeArgs], { cwd: scratch, outputFile: join(scratch, 'probe.txt') }));
  if (ran.status !== 0) throw new Error(`node.exe policy-probe failed (${ran.status}): ${ran.output}`);
  output = JSON.parse(readFileSync(results, 'utf8')) as ProbeOutput;
  // Started again by a relative path from inside the folder with a space, as `node build\x.mjs` is.
  relative = await timed('node.exe relative', () =>
    wine([node, 'policy-probe.mjs', ...probeArgs.map((p) => p.replace('results.json', 'results-relative.json'))], { cwd: appDir, outputFile: join(scratch, 'probe-relative.txt') }),
  );
  console.log(`Wine tier: ${times.join(', ')}${prefix.made ? ' (prefix made this run)' : ''}`);
}, 300_000);

afterAll(() => {
  stopWine();
  rmSync(scratch, { recursive: true, force: true });
});

describe('Windows policy under Wine', () => {
  it('runs as Windows: node.exe says win32, x64', () => {
    expect({ platform: output.platform, arch: output.arch }).toEqual({ platform: 'win32', arch: 'x64' });
  });

  it('bundles no Electron: the reader loads in plain Node', () => {
    expect(bundle).not.toMatch(/from\s*["']electron["']|require\(["']electron["']\)/);
  });

  it.each(Object.entries(STATES))('reads the state %s as the reader must', (name, state) => {
    const reads = output.cases[name] ?? [];
    expect(reads.map((r) => r.name)).toEqual([`HKLM\\Software\\Policies\\${VENDOR}\\${name}`, `HKCU\\Software\\Policies\\${VENDOR}\\${name}`]);
    const sorted = reads.map(({ read }) => (read.kind === 'found' ? { ...read, problems: [...read.problems].sort((a, b) => a.key.localeCompare(b.key)) } : read));
    expect(sorted).toEqual(state.expected);
  });

  it('loads the app’s configuration from its own keys: the machine’s value wins, the user’s fills in, both lock', () => {
    if (!output.app.ok) throw new Error(JSON.stringify(output.app.failure));
    expect(output.app.config.settings).toMatchObject({ serverUrl: 'https://machine.example.com', allowKeepSignedIn: false });
    expect(output.app.config.origins).toMatchObject({ serverUrl: 'HKLM\\Software\\Policies\\Stepgate\\Stepgate', allowKeepSignedIn: 'HKCU\\Software\\Policies\\Stepgate\\Stepgate' });
    expect(output.app.config.locked).toMatchObject({ serverUrl: true, allowKeepSignedIn: true, language: false });
  });

  it('knows it is the program started, by an absolute or a relative Windows path with a space', () => {
    expect(output.entryPoint).toBe(true);
    expect(relative.status, relative.output).toBe(0);
    const again = JSON.parse(readFileSync(join(scratch, 'results-relative.json'), 'utf8')) as ProbeOutput;
    expect(again.entryPoint).toBe(true);
  });
});
