/** The real machine's side of configuration: files and commands as the policy readers meet them. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextFile, runCommand, writeTextFile } from '../../../../electron/config/node-environment.js';

const dir = mkdtempSync(join(tmpdir(), 'stepgate-node-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('reads a file, and calls a missing file or folder absent', async () => {
    writeFileSync(join(dir, 'policy.json'), '{}');
    expect(await readTextFile(join(dir, 'policy.json'))).toEqual({ kind: 'read', text: '{}' });
    expect(await readTextFile(join(dir, 'missing.json'))).toEqual({ kind: 'absent' });
    expect(await readTextFile(join(dir, 'policy.json', 'below-a-file.json'))).toEqual({ kind: 'absent' });
  });

  // EACCES takes the same path; it cannot be shown here, where the tests run as root, who reads any file.
  it('calls a path that exists but cannot be read unreadable, naming the error', async () => {
    mkdirSync(join(dir, 'a-folder.json'));
    expect(await readTextFile(join(dir, 'a-folder.json'))).toEqual({ kind: 'unreadable', cause: 'could not be read (EISDIR)' });
  });
});

describe('runCommand', () => {
  it('gives the exit code and both outputs as bytes', async () => {
    const result = await runCommand(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)']);
    expect(result.kind).toBe('exited');
    if (result.kind !== 'exited') return;
    expect(result.code).toBe(3);
    expect(Buffer.from(result.stdout).toString()).toBe('out');
    expect(Buffer.from(result.stderr).toString()).toBe('err');
  });

  it('fails, naming why, when the program cannot be started', async () => {
    expect(await runCommand(join(dir, 'no-such-reg.exe'), ['query'])).toEqual({ kind: 'failed', cause: `${join(dir, 'no-such-reg.exe')} could not be started (ENOENT)` });
  });

  it('fails when the program does not finish in time, and stops it', async () => {
    expect(await runCommand(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], 300)).toEqual({
      kind: 'failed',
      cause: `${process.execPath} did not finish within 0.3 seconds`,
    });
  });
});

describe('writeTextFile', () => {
  it('writes the whole file, readable by its owner only, leaving no temporary file behind', async () => {
    const path = join(dir, 'profile', 'settings.json');
    await writeTextFile(path, '{"serverUrl":"https://id.example.com"}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"serverUrl":"https://id.example.com"}\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'profile'))).toEqual(['settings.json']);
  });
});
