/**
 * The operator's view of the data folder check: `serve` (and every other command) in an existing folder
 * that others may read or enter stops with the folder, its mode and the fix, and writes nothing there.
 * The cases themselves are in test/unit/server/db/data-folder.test.ts.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
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

  it('serve in an existing folder with mode 755 stops with its mode and the fix, and writes nothing', async () => {
    const dir = join(parent, 'loose');
    await mkdir(dir);
    await chmod(dir, 0o755);
    const res = await runCli(['serve', '--port', '0', '--data', dir]);
    expect(res.code, res.stdout).toBe(1);
    expect(res.stderr).toContain(`The data folder ${dir} can be read or entered by other users (mode 755); run: chmod 700 ${dir}`);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual([]);
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('755');
  });

  it('a command in a folder that does not exist yet creates it with mode 700', async () => {
    const dir = join(parent, 'fresh');
    const res = await runCli(['env', 'show', '--data', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
    expect((await readdir(dir)).sort()).toEqual(expect.arrayContaining(['secret.key', 'stepgate.db']));
  });
});
