/** The configuration environment of a real machine: files, the Windows registry or plutil, the login name. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { ConfigEnvironment } from './load-config.js';
import { nativeRegistry } from './native-registry.js';
import type { CommandResult, FileRead } from './policy-read.js';

/** Long enough for a slow machine at log-on, short enough that a hung tool does not hold the app for long. */
const COMMAND_TIMEOUT_MS = 10_000;

const ABSENT_CODES = new Set(['ENOENT', 'ENOTDIR']);

/** Reads a text file: absent only when it (or its folder) is not there; any other failure is named. */
export async function readTextFile(path: string): Promise<FileRead> {
  try {
    return { kind: 'read', text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (ABSENT_CODES.has(code)) return { kind: 'absent' };
    return { kind: 'unreadable', cause: `could not be read (${code === '' ? String(error) : code})` };
  }
}

export function runCommand(file: string, args: readonly string[], timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, windowsHide: true, encoding: 'buffer', maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve({ kind: 'exited', code: 0, stdout, stderr });
      if (error.killed === true || (error.signal !== undefined && error.signal !== null)) {
        return resolve({ kind: 'failed', cause: `${file} did not finish within ${timeoutMs / 1000} seconds` });
      }
      // A number: the program ran and exited so; a string: it could not be started (ENOENT, EACCES, blocked).
      if (typeof error.code === 'number') return resolve({ kind: 'exited', code: error.code, stdout, stderr });
      resolve({ kind: 'failed', cause: `${file} could not be started (${error.code ?? error.message})` });
    });
  });
}

export function nodeConfigEnvironment(options: {
  readonly userSettingsPath: string;
  readonly buildDefaults: unknown;
  readonly serverOverride: string | undefined;
  readonly policyFile?: string | undefined;
}): ConfigEnvironment {
  return {
    platform: process.platform,
    serverOverride: options.serverOverride,
    policyFile: options.policyFile,
    userSettingsPath: options.userSettingsPath,
    username: safeUsername(),
    readRegistryKey: nativeRegistry(),
    buildDefaults: options.buildDefaults,
    readFile: readTextFile,
    run: (file, args) => runCommand(file, args),
  };
}

/** Writes beside the file and renames, so a crash never leaves half a settings file. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
