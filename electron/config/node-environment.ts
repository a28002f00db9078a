/** The configuration environment of a real machine: files, `reg`/`plutil`, argv and the environment. */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { ConfigEnvironment } from './load-config.js';

export function nodeConfigEnvironment(options: { readonly userSettingsPath: string; readonly buildDefaults: unknown }): ConfigEnvironment {
  return {
    platform: process.platform,
    argv: process.argv.slice(1),
    env: process.env,
    userSettingsPath: options.userSettingsPath,
    username: safeUsername(),
    buildDefaults: options.buildDefaults,
    readFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    run: (file, args) =>
      new Promise((resolve) => {
        execFile(file, [...args], { timeout: 5000, windowsHide: true }, (error, stdout) => {
          resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout: String(stdout) });
        });
      }),
  };
}

export async function writeTextFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, { encoding: 'utf8', mode: 0o600 });
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
