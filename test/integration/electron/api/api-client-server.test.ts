/**
 * The desktop API client (axios with Node's fetch, as in the tests of the client) against the real
 * reference server on loopback: each request that changes something on the server is checked by what
 * it changed there, not by what the client says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../../electron/api/api-client.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';
import { uniqueUsername } from '../../../support/totp.js';

let server: TestServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  client = createApiClient({ origin: server.url });
});

afterAll(async () => {
  await server.close();
});

async function signedIn(): Promise<string> {
  const username = uniqueUsername('desk');
  await server.createUser({ username, password: 'a long password 1' });
  const login = await client.login({ username, password: 'a long password 1' });
  if (!login.ok || login.value.status !== 'authenticated') throw new Error('the sign-in did not give a session');
  return login.value.session.token;
}

describe('the desktop client against the server', () => {
  it('ends the session on the server when it signs out', async () => {
    const token = await signedIn();
    expect(await client.me(token)).toMatchObject({ ok: true });

    expect(await client.logout(token)).toEqual({ ok: true, value: null });

    expect(await client.me(token)).toMatchObject({ ok: false, failure: { kind: 'api', code: 'unauthorized' } });
  });
});
