/**
 * Whether a start may go on, given the switches that would let another program drive the app or
 * read its memory: Chromium's remote debugging (--remote-debugging-port opens a DevTools protocol
 * port, --remote-debugging-pipe the same over inherited pipes), Node's inspector (--inspect and its
 * kin), V8 flags (--js-flags) and DevTools (--auto-open-devtools-for-tabs, --custom-devtools-frontend).
 *
 * Release builds refuse them; end-to-end builds and development runs take them, because Playwright's
 * _electron.launch needs --inspect=0 and --remote-debugging-port=0. The fuses already keep Node's
 * inspector and NODE_OPTIONS out of a release, but no fuse covers Chromium's remote debugging, and by
 * the time the app's code runs Chromium has opened the port: so a release that is given any of these
 * quits (the caller says why, in the log and in a dialog) instead of carrying on with them ignored.
 *
 * They are looked for where they can come from: the command line (as Chromium reads it: `--name`,
 * `-name`, and on Windows `/name`, any case), NODE_OPTIONS, and ELECTRON_EXTRA_LAUNCH_ARGS, which
 * launcher scripts and wrappers add to the command line.
 */
import type { BuildKind } from '../config/build-kind.js';

type Env = Readonly<Record<string, string | undefined>>;

export type RemoteControlKind = 'remote debugging' | 'Node inspector' | 'V8 flags' | 'DevTools';
export type SwitchSource = 'command line' | 'NODE_OPTIONS' | 'ELECTRON_EXTRA_LAUNCH_ARGS';

export interface RefusedSwitch {
  /** As a person would type it, without its value: "--remote-debugging-port". */
  readonly name: string;
  readonly kind: RemoteControlKind;
  readonly source: SwitchSource;
}

export interface RemoteControlInput {
  readonly kind: BuildKind;
  /** The process's arguments after the executable (process.argv.slice(1)). */
  readonly argv: readonly string[];
  readonly env: Env;
  readonly platform: NodeJS.Platform;
}

/** Which kind of remote control a switch name (lower case, without prefix or value) gives, if any. */
export function remoteControlKind(name: string): RemoteControlKind | null {
  if (name.startsWith('remote-debugging')) return 'remote debugging';
  // --inspect, --inspect-brk, --inspect-port, --inspect-wait, --inspect-publish-uid; --debug-port is --inspect-port's old name.
  if (/^inspect(-|$)/.test(name) || name === 'debug-port') return 'Node inspector';
  if (name === 'js-flags') return 'V8 flags';
  if (name.includes('devtools')) return 'DevTools';
  return null;
}

/** The switch an argument names, lower case, or null when it is no switch (Chromium: "--" or "-", and "/" on Windows). */
export function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const prefix = /^--?/.exec(arg)?.[0] ?? (platform === 'win32' && arg.startsWith('/') ? '/' : '');
  if (prefix === '') return null;
  const name = arg.slice(prefix.length).split('=')[0]?.toLowerCase() ?? '';
  return /^[a-z]/.test(name) ? name : null;
}

/** Words of an environment variable as a shell or Node's NODE_OPTIONS would split them: on spaces, with "double quotes" kept together. */
export function splitWords(value: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '\\' && quoted && i + 1 < value.length) {
      word += value[++i] ?? '';
    } else if (c === '"') {
      quoted = !quoted;
      started = true;
    } else if (/\s/.test(c) && !quoted) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += c;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

function refusedIn(args: readonly string[], source: SwitchSource, platform: NodeJS.Platform): RefusedSwitch[] {
  const refused: RefusedSwitch[] = [];
  for (const arg of args) {
    const name = switchName(arg, platform);
    const kind = name === null ? null : remoteControlKind(name);
    if (name !== null && kind !== null) refused.push({ name: `--${name}`, kind, source });
  }
  return refused;
}

/** The switches this start must not go on with: none outside release builds. */
export function refusedRemoteControl(input: RemoteControlInput): readonly RefusedSwitch[] {
  if (input.kind !== 'release') return [];
  const fromEnv = (name: 'NODE_OPTIONS' | 'ELECTRON_EXTRA_LAUNCH_ARGS') => refusedIn(splitWords(input.env[name] ?? ''), name, input.platform);
  return [...refusedIn(input.argv, 'command line', input.platform), ...fromEnv('NODE_OPTIONS'), ...fromEnv('ELECTRON_EXTRA_LAUNCH_ARGS')];
}

/** "--remote-debugging-port (command line), --inspect (NODE_OPTIONS)", each switch once per source. */
export function describeRefused(refused: readonly RefusedSwitch[]): string {
  return [...new Set(refused.map((s) => `${s.name} (${s.source})`))].join(', ');
}
