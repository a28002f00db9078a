/**
 * The desktop API client (axios with Node's fetch, as in the tests of the client) against the real
 * reference server on loopback: each request that changes something on the server is checked by what
 * it changed there, not by what the client says. Sign-out is the one request the client sends without
 * a body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../../../electron/api/api-client.js';
import { startTestServer, type TestServer } from '../../../support/test-server.js';
import { advanceToNextStep, codeNow, createTotpUser, uniqueUsername } from '../../../support/totp.js';

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

  it('calls a second sign-out of the same session already gone (401), which the app counts as signed out', async () => {
    const token = await signedIn();
    expect(await client.logout(token)).toEqual({ ok: true, value: null });
    expect(await client.logout(token)).toMatchObject({ ok: false, failure: { kind: 'api', code: 'unauthorized' } });
  });

  it('signs in with a code: the session the server issues works, and the code is used up', async () => {
    const user = await createTotpUser(server);
    advanceToNextStep(server);
    const login = await client.login({ username: user.username, password: user.password });
    if (!login.ok || login.value.status !== 'totp_required') throw new Error('no code asked');
    const code = codeNow(server, user.secret);
    const accepted = await client.verifyTotp({ challengeId: login.value.challenge.id, code });
    if (!accepted.ok) throw new Error(`code refused: ${JSON.stringify(accepted.failure)}`);
    expect(await client.me(accepted.value.session.token)).toMatchObject({ ok: true, value: { user: { username: user.username } } });

    const again = await client.login({ username: user.username, password: user.password });
    if (!again.ok || again.value.status !== 'totp_required') throw new Error('no code asked');
    expect(await client.verifyTotp({ challengeId: again.value.challenge.id, code })).toMatchObject({
      ok: false,
      failure: { kind: 'api', code: 'invalid_code', reason: 'already_used' },
    });
  });

  it('signs in with a recovery code: it works once, and the server counts what is left', async () => {
    const user = await createTotpUser(server);
    const [recoveryCode] = user.recoveryCodes;
    const challenge = async () => {
      const login = await client.login({ username: user.username, password: user.password });
      if (!login.ok || login.value.status !== 'totp_required') throw new Error('no code asked');
      return login.value.challenge.id;
    };
    const used = await client.verifyRecoveryCode({ challengeId: await challenge(), recoveryCode: recoveryCode ?? '' });
    expect(used).toMatchObject({ ok: true, value: { recoveryCodesRemaining: user.recoveryCodes.length - 1 } });
    expect(await client.verifyRecoveryCode({ challengeId: await challenge(), recoveryCode: recoveryCode ?? '' })).toMatchObject({
      ok: false,
      failure: { kind: 'api', code: 'invalid_code' },
    });
  });
});
