/** The data folder's own checks, on real folders in a temporary directory. */
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePrivateFolder } from '../../../../server/db/data-folder.js';

describe.runIf(process.platform !== 'win32')('ensurePrivateFolder', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'stepgate-folder-'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing folder, and its missing parents, with mode 700', async () => {
    const dir = join(parent, 'a', 'b');
    ensurePrivateFolder(dir);
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  for (const mode of [0o755, 0o750, 0o705, 0o701, 0o710, 0o777]) {
    it(`refuses an existing folder with mode ${mode.toString(8)}, naming it, its mode and the fix, and leaves it as it was`, async () => {
      const dir = join(parent, `loose-${mode.toString(8)}`);
      await mkdir(dir);
      await chmod(dir, mode);
      expect(() => ensurePrivateFolder(dir)).toThrow(`The data folder ${dir} can be read or entered by other users (mode ${mode.toString(8)}); run: chmod 700 ${dir}`);
      expect(((await stat(dir)).mode & 0o777).toString(8)).toBe(mode.toString(8));
      expect(await readdir(dir)).toEqual([]);
    });
  }

  it('accepts an existing folder with mode 700 (or stricter)', async () => {
    for (const mode of [0o700, 0o500]) {
      const dir = join(parent, `private-${mode.toString(8)}`);
      await mkdir(dir);
      await chmod(dir, mode);
      expect(() => ensurePrivateFolder(dir)).not.toThrow();
    }
  });

  it('refuses a path that is a file', async () => {
    const file = join(parent, 'a-file');
    await writeFile(file, '');
    expect(() => ensurePrivateFolder(file)).toThrow(`The data folder ${file} is not a folder.`);
  });

  it('checks nothing on Windows, where folders take their permissions from the profile', async () => {
    const dir = join(parent, 'windows');
    await mkdir(dir);
    await chmod(dir, 0o777);
    expect(() => ensurePrivateFolder(dir, 'win32')).not.toThrow();
  });
});
