/**
 * A proxy that asks for a sign-in (407, Basic) between the client and the real server on loopback,
 * through the preview's transport (the API client on Node's fetch, following the proxy variables):
 * the person is told "the proxy asks for a sign-in", not "server unreachable", the 407 is logged,
 * and with the proxy's credentials the same request goes through.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthProxy, type AuthProxy } from '../../../support/auth-proxy.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..', '..', '..', '..');
let server: TestServer;
let proxy: AuthProxy;

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startAuthProxy('alice', 'proxy secret');
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

/** The server by a name only the proxy resolves: nothing can reach it but through the proxy. */
const serverByName = () => `http://stepgate-server.test:${new URL(server.url).port}`;

async function infoThrough(proxyUrl: string): Promise<{ ok: boolean; problem: unknown; logged: string[] }> {
  // Lower-case names win over upper-case ones where both are set, so only these are left.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?|no)_proxy$/i.test(name)));
  const env = { ...inherited, NODE_USE_ENV_PROXY: '1', HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl };
  const { stdout } = await run(process.execPath, [resolve(REPO, 'node_modules/tsx/dist/cli.mjs'), resolve(import.meta.dirname, 'proxy-client.ts'), serverByName()], { env, cwd: REPO });
  return JSON.parse(stdout) as { ok: boolean; problem: unknown; logged: string[] };
}

describe('a proxy that asks for a sign-in', () => {
  it('is named as its own problem and logged, and nothing reaches the server', async () => {
    const before = proxy.decisions.length;
    const result = await infoThrough(proxy.url);
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'proxyAuth' },
      logged: [`a proxy asked for a sign-in (HTTP 407) on the way to ${serverByName()}; nothing reached the server`],
    });
    expect(proxy.decisions.slice(before)).toEqual([expect.objectContaining({ allowed: false })]);
  });

  it('lets the request through with the proxy’s credentials, and the log never holds them', async () => {
    const before = proxy.decisions.length;
    const withCredentials = new URL(proxy.url);
    withCredentials.username = 'alice';
    withCredentials.password = 'proxy secret';
    const result = await infoThrough(withCredentials.href);
    expect(result).toEqual({ ok: true, problem: null, logged: [] });
    expect(proxy.decisions.slice(before)).toEqual([expect.objectContaining({ allowed: true })]);
  });
});
