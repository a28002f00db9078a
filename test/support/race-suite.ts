/**
 * What the race suites share: one real server per suite file (relaxed throttling, TOTP on), an
 * administrator, a probe to look at accounts from outside, and the suite's seeded rounds of delays.
 */
import { afterAll, beforeAll } from 'vitest';
import { EnrollmentRequiredResponse, PendingAuthenticator, type Session } from '../../shared/api/schemas.js';
import { accountProbe, type AccountProbe } from './account-probe.js';
import { ok, type ApiClient, type CallResult } from './http-client.js';
import { delays, seededRandom, testSeed } from './race.js';
import { startTestServer, type TestServer } from './test-server.js';
import { adminToken, codeNow, login, RELAXED_THROTTLE, type TestUser } from './totp.js';

export interface RaceSuite {
  readonly server: TestServer;
  /** An administrator's bearer token. */
  readonly admin: string;
  readonly probe: AccountProbe;
  readonly api: ApiClient;
  /** `count` rounds as [round, delay in ms], the delays spread up to `maxMs` either way. */
  rounds(count: number, maxMs: number): IterableIterator<[number, number]>;
  /** The enrollment session a password sign-in gives a user who must set up an authenticator. */
  enrollmentSession(user: TestUser): Promise<Session>;
  addPending(token: string, name: string): Promise<PendingAuthenticator>;
  /** Confirms with the code the authenticator shows now. */
  confirm(token: string, pending: PendingAuthenticator): Promise<CallResult>;
}

/** Starts the suite's server before its tests and closes it after them; `seed` is the suite's default. */
export function raceSuite(seed: number): RaceSuite {
  const random = seededRandom(testSeed(seed));
  let started: { readonly server: TestServer; readonly admin: string; readonly probe: AccountProbe } | undefined;
  const get = () => {
    if (started === undefined) throw new Error('the race suite has not started');
    return started;
  };
  beforeAll(async () => {
    const server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true, totpRequiredForAll: false });
    const admin = await adminToken(server);
    started = { server, admin, probe: accountProbe(server, admin) };
  });
  afterAll(async () => {
    await started?.server.close();
  });
  return {
    get server() {
      return get().server;
    },
    get admin() {
      return get().admin;
    },
    get probe() {
      return get().probe;
    },
    get api() {
      return get().probe.api;
    },
    rounds: (count, maxMs) => delays(random, count, maxMs).entries(),
    enrollmentSession: async (user) =>
      ok(await login(get().server, user.username, user.password), 200, EnrollmentRequiredResponse).enrollmentSession,
    addPending: async (token, name) => ok(await get().probe.api.post('/me/authenticators', { token, body: { name } }), 201, PendingAuthenticator),
    confirm: (token, pending) =>
      get().probe.api.post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeNow(get().server, pending.secret) } }),
  };
}
