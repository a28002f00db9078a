import { describe, expect, it } from 'vitest';
import { buildKindOf, devToolsAllowed, type BuildKind } from '../../../../electron/config/build-kind.js';
import { describeRefused, refusedRemoteControl, remoteControlKind, splitWords, switchName } from '../../../../electron/security/remote-control.js';

const KINDS: readonly BuildKind[] = ['release', 'e2e', 'development'];

/** Every switch the release refuses, as Playwright, a person or a launcher would give it, with the kind it is. */
const SWITCHES = [
  ['--remote-debugging-port=9222', '--remote-debugging-port', 'remote debugging'],
  ['--remote-debugging-port=0', '--remote-debugging-port', 'remote debugging'],
  ['--remote-debugging-pipe', '--remote-debugging-pipe', 'remote debugging'],
  ['--remote-debugging-address=0.0.0.0', '--remote-debugging-address', 'remote debugging'],
  ['--inspect', '--inspect', 'Node inspector'],
  ['--inspect=0', '--inspect', 'Node inspector'],
  ['--inspect-brk=9229', '--inspect-brk', 'Node inspector'],
  ['--inspect-port=9229', '--inspect-port', 'Node inspector'],
  ['--inspect-wait', '--inspect-wait', 'Node inspector'],
  ['--inspect-publish-uid=http', '--inspect-publish-uid', 'Node inspector'],
  ['--debug-port=9229', '--debug-port', 'Node inspector'],
  ['--js-flags=--allow-natives-syntax', '--js-flags', 'V8 flags'],
  ['--auto-open-devtools-for-tabs', '--auto-open-devtools-for-tabs', 'DevTools'],
  ['--custom-devtools-frontend=http://evil.test/', '--custom-devtools-frontend', 'DevTools'],
] as const;

const release = (argv: readonly string[], env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') =>
  refusedRemoteControl({ kind: 'release', argv, env, platform });

describe('refusedRemoteControl', () => {
  it.each(SWITCHES)('a release given %s on the command line refuses it', (arg, name, kind) => {
    expect(release([arg])).toEqual([{ name, kind, source: 'command line' }]);
  });

  it.each(SWITCHES)('a release refuses %s in NODE_OPTIONS and in ELECTRON_EXTRA_LAUNCH_ARGS too', (arg, name, kind) => {
    expect(release([], { NODE_OPTIONS: `--max-old-space-size=4096 ${arg}` })).toEqual([{ name, kind, source: 'NODE_OPTIONS' }]);
    expect(release([], { ELECTRON_EXTRA_LAUNCH_ARGS: `--enable-logging ${arg}` })).toEqual([{ name, kind, source: 'ELECTRON_EXTRA_LAUNCH_ARGS' }]);
  });

  it.each(SWITCHES)('end-to-end builds and development runs take %s (Playwright needs them)', (arg) => {
    for (const kind of ['e2e', 'development'] as const) {
      expect(refusedRemoteControl({ kind, argv: [arg], env: { NODE_OPTIONS: arg, ELECTRON_EXTRA_LAUNCH_ARGS: arg }, platform: 'linux' })).toEqual([]);
    }
  });

  it('lets every build kind start with what a person or Playwright gives otherwise', () => {
    const argv = ['--server', 'https://stepgate.example.com', '--force-device-scale-factor=1.25', '--no-sandbox', '--enable-logging', '--ozone-platform=wayland', 'stepgate://signin', 'C:\\Users\\ada\\inspect.txt'];
    const env = { NODE_OPTIONS: '--max-old-space-size=4096', ELECTRON_EXTRA_LAUNCH_ARGS: '--enable-features=UseOzonePlatform', PATH: '/usr/bin' };
    for (const kind of KINDS) expect(refusedRemoteControl({ kind, argv, env, platform: 'win32' })).toEqual([]);
  });

  it('reads switches as Chromium does: one or two dashes, any case, and on Windows a slash', () => {
    expect(release(['-remote-debugging-port=9222']).map((s) => s.name)).toEqual(['--remote-debugging-port']);
    expect(release(['--Remote-Debugging-Port=9222']).map((s) => s.name)).toEqual(['--remote-debugging-port']);
    expect(release(['/remote-debugging-port=9222'], {}, 'win32').map((s) => s.name)).toEqual(['--remote-debugging-port']);
    // On Linux and macOS a leading slash is a path, not a switch.
    expect(release(['/remote-debugging-port=9222'], {}, 'linux')).toEqual([]);
  });

  it('lists every switch it found, from every source, in order', () => {
    const refused = release(['--inspect=0', '--remote-debugging-port=0'], { NODE_OPTIONS: '"--inspect-brk"', ELECTRON_EXTRA_LAUNCH_ARGS: '--js-flags="--expose-gc --allow-natives-syntax"' });
    expect(refused).toEqual([
      { name: '--inspect', kind: 'Node inspector', source: 'command line' },
      { name: '--remote-debugging-port', kind: 'remote debugging', source: 'command line' },
      { name: '--inspect-brk', kind: 'Node inspector', source: 'NODE_OPTIONS' },
      { name: '--js-flags', kind: 'V8 flags', source: 'ELECTRON_EXTRA_LAUNCH_ARGS' },
    ]);
    expect(describeRefused(refused)).toBe('--inspect (command line), --remote-debugging-port (command line), --inspect-brk (NODE_OPTIONS), --js-flags (ELECTRON_EXTRA_LAUNCH_ARGS)');
    expect(describeRefused([...refused, ...refused.slice(0, 1)])).toBe(describeRefused(refused));
  });
});

describe('the parts', () => {
  it('switchName: the name Chromium would read, or null for a plain argument', () => {
    expect(switchName('--inspect=0', 'linux')).toBe('inspect');
    expect(switchName('--JS-Flags=--x', 'linux')).toBe('js-flags');
    expect(switchName('.', 'linux')).toBeNull();
    expect(switchName('--', 'linux')).toBeNull();
    expect(switchName('-5', 'linux')).toBeNull();
    expect(switchName('/tmp/x', 'linux')).toBeNull();
    expect(switchName('/inspect', 'win32')).toBe('inspect');
  });

  it('remoteControlKind: only the switches that give control', () => {
    expect(remoteControlKind('inspector-window')).toBeNull();
    expect(remoteControlKind('inspect')).toBe('Node inspector');
    expect(remoteControlKind('enable-logging')).toBeNull();
    expect(remoteControlKind('remote-debugging-pipe')).toBe('remote debugging');
  });

  it('splitWords: spaces separate, double quotes (with backslash escapes) keep together', () => {
    expect(splitWords('  --a  --b="x y" "--c d" --e=\\\\ ')).toEqual(['--a', '--b=x y', '--c d', '--e=\\\\']);
    expect(splitWords('"a \\"b\\" c"')).toEqual(['a "b" c']);
    expect(splitWords('')).toEqual([]);
    expect(splitWords('""')).toEqual(['']);
  });
});

describe('build kinds', () => {
  it('tell a release (installed), an end-to-end build and a development run apart', () => {
    expect(buildKindOf({ isPackaged: true, e2eBuild: false })).toBe('release');
    expect(buildKindOf({ isPackaged: true, e2eBuild: true })).toBe('e2e');
    expect(buildKindOf({ isPackaged: false, e2eBuild: true })).toBe('e2e');
    expect(buildKindOf({ isPackaged: false, e2eBuild: false })).toBe('development');
  });

  it('allow DevTools everywhere but in a release', () => {
    expect(KINDS.map((kind) => [kind, devToolsAllowed(kind)])).toEqual([
      ['release', false],
      ['e2e', true],
      ['development', true],
    ]);
  });
});
