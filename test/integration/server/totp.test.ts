/**
 * POST /auth/totp window edges, driven by the server clock: with window w, codes up to w steps
 * (30 s each) before or after now are accepted and codes w+1 steps away are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse, MeResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, fails, ok } from '../../support/http-client.js';
import {
  challengeFor,
  codeAt,
  createTotpUser,
  enroll,
  PERIOD_MS,
  RELAXED_THROTTLE,
  stepOf,
  submitCode,
  type TotpUser,
} from '../../support/totp.js';

type Verdict = 'accepted' | 'refused';

interface Bench {
  readonly server: TestServer;
  readonly user: TotpUser;
}

/**
 * Moves the clock well past anything used before (so replay protection plays no part), places it
 * `intoStepMs` into a time step, signs in with the password and submits the code of `now + codeOffsetMs`.
 * A refused code is followed by the right one, which must still work on the same challenge.
 */
async function attempt(bench: Bench, codeOffsetMs: number, intoStepMs = 12_345): Promise<Verdict> {
  const { server, user } = bench;
  server.clock.set((stepOf(server.clock.now()) + 20) * PERIOD_MS + intoStepMs);
  const now = server.clock.now();
  const challenge = await challengeFor(server, user.username, user.password);
  const res = await submitCode(server, challenge.id, codeAt(user.secret, now + codeOffsetMs));
  if (res.status === 200) {
    ok(res, 200, AuthenticatedResponse);
    return 'accepted';
  }
  const error = fails(res, 401, 'invalid_code');
  expect(error.attemptsRemaining).toBe(4);
  ok(await submitCode(server, challenge.id, codeAt(user.secret, now)), 200, AuthenticatedResponse);
  return 'refused';
}

async function bench(window: 0 | 1 | 2): Promise<Bench> {
  const server = await startTestServer({ config: { totp: { window }, throttle: RELAXED_THROTTLE } });
  await server.setEnvironment({ totpEnabled: true });
  return { server, user: await createTotpUser(server) };
}

const STEP = PERIOD_MS;

describe('TOTP window edges', () => {
  const benches = new Map<number, Bench>();
  const at = (window: number): Bench => {
    const b = benches.get(window);
    if (b === undefined) throw new Error(`no server for window ${window}`);
    return b;
  };
  beforeAll(async () => {
    const started = await Promise.all([bench(0), bench(1), bench(2)]);
    started.forEach((b, window) => benches.set(window, b));
  });
  afterAll(async () => {
    await Promise.all([...benches.values()].map((b) => b.server.close()));
  });

  describe('default window 1', () => {
    it('accepts the code of now', async () => expect(await attempt(at(1), 0)).toBe('accepted'));
    it('accepts the code from now-30s', async () => expect(await attempt(at(1), -STEP)).toBe('accepted'));
    it('accepts the code from now+30s', async () => expect(await attempt(at(1), STEP)).toBe('accepted'));
    it('refuses the code from now-60s', async () => expect(await attempt(at(1), -2 * STEP)).toBe('refused'));
    it('refuses the code from now+60s', async () => expect(await attempt(at(1), 2 * STEP)).toBe('refused'));
    it('refuses the code from ten minutes ago', async () => expect(await attempt(at(1), -20 * STEP)).toBe('refused'));
    it('at the first millisecond of a step, accepts the previous step (now-1ms) and refuses two steps back', async () => {
      expect(await attempt(at(1), -1, 0)).toBe('accepted');
      expect(await attempt(at(1), -STEP - 1, 0)).toBe('refused');
    });
    it('at the last millisecond of a step, accepts the next step (now+1ms) and refuses two steps ahead', async () => {
      expect(await attempt(at(1), 1, STEP - 1)).toBe('accepted');
      expect(await attempt(at(1), STEP + 1, STEP - 1)).toBe('refused');
    });
  });

  describe('window 0', () => {
    it('accepts the code of now', async () => expect(await attempt(at(0), 0)).toBe('accepted'));
    it('refuses the code from now-30s', async () => expect(await attempt(at(0), -STEP)).toBe('refused'));
    it('refuses the code from now+30s', async () => expect(await attempt(at(0), STEP)).toBe('refused'));
    it('at the first millisecond of a step, refuses the code of the millisecond before', async () => {
      expect(await attempt(at(0), -1, 0)).toBe('refused');
    });
    it('at the last millisecond of a step, accepts the code of its first millisecond', async () => {
      expect(await attempt(at(0), -(STEP - 1), STEP - 1)).toBe('accepted');
    });
  });

  describe('window 2', () => {
    it('accepts the code from now-60s', async () => expect(await attempt(at(2), -2 * STEP)).toBe('accepted'));
    it('accepts the code from now+60s', async () => expect(await attempt(at(2), 2 * STEP)).toBe('accepted'));
    it('refuses the code from now-90s', async () => expect(await attempt(at(2), -3 * STEP)).toBe('refused'));
    it('refuses the code from now+90s', async () => expect(await attempt(at(2), 3 * STEP)).toBe('refused'));
  });
});

describe('codes from several authenticators', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts a code from any confirmed authenticator of the user, and records its use', async () => {
    const user = await createTotpUser(server, { authenticatorName: 'Phone' });
    const tablet = await enroll(server, user.token, 'Tablet');
    expect(tablet.recoveryCodes).toBeUndefined();

    const first = await challengeFor(server, user.username, user.password);
    ok(await submitCode(server, first.id, codeAt(tablet.secret, server.clock.now())), 200, AuthenticatedResponse);
    server.clock.advance(STEP);
    const second = await challengeFor(server, user.username, user.password);
    ok(await submitCode(server, second.id, codeAt(user.secret, server.clock.now())), 200, AuthenticatedResponse);

    const me = ok(await apiClient(server.api).get('/me', { token: user.token }), 200, MeResponse);
    expect(me.totp.authenticators.map((a) => a.name).sort()).toEqual(['Phone', 'Tablet']);
    for (const a of me.totp.authenticators) expect(a.lastUsedAt).not.toBeNull();
  });

  it("refuses a code computed from a secret the user does not have", async () => {
    const user = await createTotpUser(server);
    const other = await createTotpUser(server);
    const challenge = await challengeFor(server, user.username, user.password);
    fails(await submitCode(server, challenge.id, codeAt(other.secret, server.clock.now())), 401, 'invalid_code');
  });
});
