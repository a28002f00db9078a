/**
 * What the built server (`serve`, as operators run it) writes to standard output: by default, only where
 * it listens (faults would follow); with --log-requests, one line per request naming its method, route
 * and client, and never a header, body or secret of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliServer } from '../../support/cli-server.js';
import { apiClient } from '../../support/http-client.js';

const SECRET_PASSWORD = 'zq-password-that-must-not-be-logged';
const SECRET_TOKEN = 'sgs_zqtokenthatmustnotbelogged0000';

describe('the request log', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'stepgate-request-log-'));
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  /** Starts `serve` with `flags`, sends a few requests (one with a password, one with a token), stops it; its output. */
  async function outputOf(name: string, flags: readonly string[]): Promise<readonly string[]> {
    const server = await startCliServer(join(parent, name), flags);
    try {
      const api = apiClient(`${server.origin}/api/v1`);
      expect((await api.get('/health')).status).toBe(200);
      expect((await api.post('/auth/login', { body: { username: 'nobody', password: SECRET_PASSWORD } })).status).toBe(401);
      expect((await api.get('/me', { token: SECRET_TOKEN })).status).toBe(401);
    } finally {
      await server.stop('SIGTERM');
    }
    return server.output;
  }

  it('by default, says where it listens and nothing per request', async () => {
    const lines = await outputOf('quiet', []);
    expect(lines).toEqual([expect.stringMatching(/^Stepgate server listening on http:\/\/127\.0\.0\.1:\d+$/)]);
  });

  it('with --log-requests, logs each request by method, route and client, without its secrets', async () => {
    const lines = await outputOf('logged', ['--log-requests']);
    const text = lines.join('\n');
    expect(text).not.toContain(SECRET_PASSWORD);
    expect(text).not.toContain(SECRET_TOKEN);
    const requests = lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; req?: { method: string; url: string; remoteAddress: string } })
      .filter((entry) => entry.msg === 'incoming request')
      .map((entry) => entry.req);
    expect(requests).toEqual([
      { method: 'GET', url: '/api/v1/health', remoteAddress: '127.0.0.1' },
      { method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1' },
      { method: 'GET', url: '/api/v1/me', remoteAddress: '127.0.0.1' },
    ]);
  });
});
