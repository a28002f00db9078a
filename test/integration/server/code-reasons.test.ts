/**
 * A reason for every refused code (invalid_code's `reason`), without helping a guesser: wrong; already used
 * in this time step; or right for a time minutes away from the server's (the phone's clock), which is never
 * accepted, counts as a failure, and, when ahead of the server, is held back so that it never signs in later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { fails, ok } from '../../support/http-client.js';
import { advanceToNextStep, challengeFor, codeAt, createTotpUser, PERIOD_MS, submitCode, unrelatedCode } from '../../support/totp.js';

const MINUTE = 60_000;

describe('why a code was refused (default settings: clock skew recognised up to 5 minutes)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a wrong code is incorrect', async () => {
    const user = await createTotpUser(server);
    const challenge = await challengeFor(server, user.username, user.password, { localAddress: '127.0.30.1' });
    const error = fails(await submitCode(server, challenge.id, unrelatedCode(user.secret, server.clock.now()), { localAddress: '127.0.30.1' }), 401, 'invalid_code');
    expect(error).toMatchObject({ reason: 'incorrect', attemptsRemaining: 4 });
  });

  it('the code just used, sent again in its time step, is already used: wait for the next one, which signs in', async () => {
    const user = await createTotpUser(server);
    const from = { localAddress: '127.0.30.2' };
    advanceToNextStep(server, 1_000);
    const code = codeAt(user.secret, server.clock.now());
    ok(await submitCode(server, (await challengeFor(server, user.username, user.password, from)).id, code, from), 200, AuthenticatedResponse);
    const again = await challengeFor(server, user.username, user.password, from);
    const error = fails(await submitCode(server, again.id, code, from), 401, 'invalid_code');
    expect(error.reason).toBe('already_used');
    expect(error.message).toMatch(/just used.*next code/);
    advanceToNextStep(server);
    ok(await submitCode(server, again.id, codeAt(user.secret, server.clock.now()), from), 200, AuthenticatedResponse);
  });

  it('a code from a phone four minutes slow says the clock looks wrong, is never accepted, counts towards the lock, and names the lock it starts', async () => {
    const user = await createTotpUser(server);
    const from = { localAddress: '127.0.30.3' };
    const challenge = await challengeFor(server, user.username, user.password, from);
    const slow = () => codeAt(user.secret, server.clock.now() - 4 * MINUTE);
    const first = fails(await submitCode(server, challenge.id, slow(), from), 401, 'invalid_code');
    expect(first).toMatchObject({ reason: 'clock_skew', attemptsRemaining: 4 });
    expect(first.message).toMatch(/clock on your phone/);
    server.clock.advance(PERIOD_MS);
    expect(fails(await submitCode(server, challenge.id, slow(), from), 401, 'invalid_code').reason).toBe('clock_skew');
    server.clock.advance(PERIOD_MS);
    // The failure that starts the lock-out keeps its reason beside the lock; an attempt during the lock has none.
    expect(fails(await submitCode(server, challenge.id, slow(), from), 429, 'too_many_attempts')).toMatchObject({ reason: 'clock_skew' });
    expect(fails(await submitCode(server, challenge.id, slow(), from), 429, 'too_many_attempts').reason).toBeUndefined();
  });

  it('a code from a phone four minutes fast says so, and never signs in, even once its time has come', async () => {
    const user = await createTotpUser(server);
    const from = { localAddress: '127.0.30.4' };
    advanceToNextStep(server, 1_000);
    const early = codeAt(user.secret, server.clock.now() + 4 * MINUTE);
    const challenge = await challengeFor(server, user.username, user.password, from);
    expect(fails(await submitCode(server, challenge.id, early, from), 401, 'invalid_code').reason).toBe('clock_skew');
    server.clock.advance(4 * MINUTE);
    const then = await challengeFor(server, user.username, user.password, from);
    expect(fails(await submitCode(server, then.id, early, from), 401, 'invalid_code').reason).toBe('already_used');
    // The code of the step after signs in.
    server.clock.advance(PERIOD_MS);
    ok(await submitCode(server, then.id, codeAt(user.secret, server.clock.now()), from), 200, AuthenticatedResponse);
  });

  it('a code six minutes off is outside the skew window: simply incorrect', async () => {
    const user = await createTotpUser(server);
    const from = { localAddress: '127.0.30.5' };
    const challenge = await challengeFor(server, user.username, user.password, from);
    expect(fails(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now() - 6 * MINUTE), from), 401, 'invalid_code').reason).toBe('incorrect');
  });
});

describe('clock skew detection turned off (totp.skewDetectionSeconds 0)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { totp: { skewDetectionSeconds: 0 } } });
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('a code from a phone four minutes slow is incorrect', async () => {
    const user = await createTotpUser(server);
    const challenge = await challengeFor(server, user.username, user.password);
    expect(fails(await submitCode(server, challenge.id, codeAt(user.secret, server.clock.now() - 4 * MINUTE)), 401, 'invalid_code').reason).toBe('incorrect');
  });
});
