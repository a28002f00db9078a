/** The operator's command line for trusted computers: the environment's days, and a new password for a user. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse } from '../../../shared/api/schemas.js';
import { runCli, startCliServer } from '../../support/cli-server.js';
import { apiClient, fails, ok } from '../../support/http-client.js';

describe('command line: trusted-computer days and set-password', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'stepgate-tc-cli-')), 'data');
  });
  afterAll(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('env set trusted-computer-days takes 0 to 365, and env show prints it', async () => {
    const shown = await runCli(['env', 'show', '--data', dataDir]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('trusted-computer-days: 0');
    const set = await runCli(['env', 'set', 'trusted-computer-days', '45', '--data', dataDir]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('trusted-computer-days: 45');
    for (const bad of ['366', '1000', '7.5', 'thirty']) {
      const refused = await runCli(['env', 'set', 'trusted-computer-days', bad, '--data', dataDir]);
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toContain(`trusted-computer-days must be a whole number from 0 to 365, not "${bad}"`);
    }
    expect((await runCli(['env', 'show', '--data', dataDir])).stdout).toContain('trusted-computer-days: 45');
  });

  it('user set-password replaces the password from standard input; the old one stops working', async () => {
    const created = await runCli(['user', 'create', 'rosa', '--data', dataDir], 'first-password\n');
    expect(created.code, created.stderr).toBe(0);
    const changed = await runCli(['user', 'set-password', 'rosa', '--data', dataDir], 'second-password\n');
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('Set a new password for rosa');
    const unknown = await runCli(['user', 'set-password', 'nobody', '--data', dataDir], 'third-password\n');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no user nobody.');
    const short = await runCli(['user', 'set-password', 'rosa', '--data', dataDir], 'short\n');
    expect(short.code).toBe(2);

    const server = await startCliServer(dataDir);
    try {
      const api = apiClient(`${server.origin}/api/v1`);
      fails(await api.post('/auth/login', { body: { username: 'rosa', password: 'first-password' } }), 401, 'invalid_credentials');
      ok(await api.post('/auth/login', { body: { username: 'rosa', password: 'second-password' } }), 200, AuthenticatedResponse);
    } finally {
      await server.stop('SIGTERM');
    }
  });
});
