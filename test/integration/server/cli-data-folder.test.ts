/**
 * The operator's command line says where it reads and writes: every data command ends with the data
 * folder it used, and on the default folder it names the demo's, so a user made for the demo is not
 * made somewhere else in silence. The demo's banner says how to add an account to it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstructions } from '../../../server/cli/demo.js';
import { runCli } from '../../support/cli-server.js';
import { startTestServer } from '../../support/test-server.js';

describe('the command line says where its data is', () => {
  let dataDir: string;
  let home: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stepgate-cli-where-'));
    home = await mkdtemp(join(tmpdir(), 'stepgate-cli-home-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('user create and env set print the data folder they wrote to, without the demo hint when --data was given', async () => {
    const created = await runCli(['user', 'create', 'rosa', '--data', dataDir], 'first-password\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Data: ${dataDir}`);
    expect(created.stdout).not.toContain('.data/demo');
    const set = await runCli(['env', 'set', 'totp-enabled', 'true', '--data', dataDir]);
    expect(set.stdout).toContain(`Data: ${dataDir}`);
  });

  it('on the default data folder, says which folder it was and how to reach the demo’s', async () => {
    const created = await runCli(['user', 'create', 'milo'], 'milo-password\n', 15_000, { XDG_DATA_HOME: home, STEPGATE_DATABASE_URL: '' });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Data: ${join(home, 'stepgate-server')}`);
    expect(created.stdout).toMatch(/--data ".*\.data[/\\]demo"/);
  });

  it('the demo’s banner says how to add an account to the demo', async () => {
    const server = await startTestServer();
    try {
      const banner = await demoInstructions(server.context, server.url, undefined);
      expect(banner).toContain(`npm run server -- user create USERNAME --data "${server.dataDir}"`);
    } finally {
      await server.close();
    }
  });
});
