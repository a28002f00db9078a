/**
 * The data folder holds the database and the key: the server creates it for its owner alone (700), and
 * refuses to start in an existing folder that others may read or enter, naming the folder and its mode.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-server.js';

describe.runIf(process.platform !== 'win32')('the --data folder', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'stepgate-data-'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('is created with mode 700 when it does not exist', async () => {
    const dir = join(parent, 'fresh');
    const res = await runCli(['env', 'show', '--data', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  for (const mode of [0o755, 0o750, 0o705, 0o777]) {
    it(`an existing folder with mode ${mode.toString(8)} is refused with the mode and the fix, and nothing is written`, async () => {
      const dir = join(parent, `loose-${mode.toString(8)}`);
      await mkdir(dir);
      await chmod(dir, mode);
      for (const args of [['serve', '--port', '0'], ['env', 'show']]) {
        const res = await runCli([...args, '--data', dir]);
        expect(res.code, res.stdout).toBe(1);
        expect(res.stderr).toContain(dir);
        expect(res.stderr).toContain(`mode ${mode.toString(8)}`);
        expect(res.stderr).toContain(`chmod 700 ${dir}`);
        expect(res.stderr).not.toMatch(/\n\s+at /);
      }
      expect(await readdir(dir)).toEqual([]);
      expect(((await stat(dir)).mode & 0o777).toString(8)).toBe(mode.toString(8));
    });
  }

  it('an existing folder with mode 700 is used', async () => {
    const dir = join(parent, 'private');
    await mkdir(dir, { mode: 0o700 });
    await chmod(dir, 0o700);
    const res = await runCli(['env', 'show', '--data', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(expect.arrayContaining(['secret.key', 'stepgate.db']));
  });

  it('a --data path that is a file is refused by name', async () => {
    const file = join(parent, 'a-file');
    await writeFile(file, '');
    const res = await runCli(['env', 'show', '--data', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${file} is not a folder`);
  });
});
