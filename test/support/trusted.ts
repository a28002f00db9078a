/** Trusted-computer helpers for the server integration tests: a code that trusts the computer, a sign-in with its token. */
import { CodeAcceptedResponse, MeResponse, type IssuedTrustedComputer, type Session, type TrustedComputer, type TrustOffer } from '../../shared/api/schemas.js';
import { apiClient, call, ok, type CallResult } from './http-client.js';
import type { TestServer } from './test-server.js';
import { challengeFor, codeNow, PERIOD_MS, type TotpUser, type Via } from './totp.js';

export const DAY_MS = 86_400_000;

export interface TrustRequest {
  readonly name: string;
  readonly days: number;
}

/** POST /auth/login with a trusted computer's token. */
export function loginWithToken(server: TestServer, username: string, password: string, trustedComputerToken: string, options: Via = {}): Promise<CallResult> {
  return call('POST', `${server.api}/auth/login`, {
    body: { username, password, trustedComputerToken },
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
}

export function submitCodeTrusting(server: TestServer, challengeId: string, code: string, trustComputer: TrustRequest): Promise<CallResult> {
  return call('POST', `${server.api}/auth/totp`, { body: { challengeId, code, trustComputer } });
}

/**
 * Password, then the current code with "trust this computer"; the clock then moves one period on.
 * `trustedComputer` is undefined when the server granted none.
 */
export async function signInTrusting(
  server: TestServer,
  user: TotpUser,
  trust: TrustRequest = { name: 'Linux - TESTBOX', days: 30 },
): Promise<{ readonly session: Session; readonly trustedComputer: IssuedTrustedComputer | undefined }> {
  const challenge = await challengeFor(server, user.username, user.password);
  const accepted = ok(await submitCodeTrusting(server, challenge.id, codeNow(server, user.secret), trust), 200, CodeAcceptedResponse);
  server.clock.advance(PERIOD_MS);
  return { session: accepted.session, trustedComputer: accepted.trustedComputer };
}

/** Like signInTrusting, for tests that need the trust to have been granted. */
export async function trustedComputerOf(server: TestServer, user: TotpUser, trust?: TrustRequest): Promise<IssuedTrustedComputer> {
  const { trustedComputer } = await signInTrusting(server, user, trust);
  if (trustedComputer === undefined) throw new Error('the server granted no trusted computer (are its days 0?)');
  return trustedComputer;
}

/** The user's trusted computers as GET /me shows them. */
export async function ownTrustedComputers(server: TestServer, token: string): Promise<readonly TrustedComputer[]> {
  const me = ok(await apiClient(server.api).get('/me', { token }), 200, MeResponse);
  if (me.trustedComputers === undefined) throw new Error('GET /me has no trustedComputers');
  return me.trustedComputers.computers;
}

/** Password, then the current code without "trust this computer", asking for an offer: the session and the offer its answer carried. */
export async function signInWithOffer(server: TestServer, user: TotpUser): Promise<{ readonly session: Session; readonly trustOffer: TrustOffer | undefined }> {
  const challenge = await challengeFor(server, user.username, user.password);
  const accepted = ok(await call('POST', `${server.api}/auth/totp`, { body: { challengeId: challenge.id, code: codeNow(server, user.secret), offerTrust: true } }), 200, CodeAcceptedResponse);
  server.clock.advance(PERIOD_MS);
  return { session: accepted.session, trustOffer: accepted.trustOffer };
}

/** POST /me/trusted-computers: takes the offer `grant` with the session `token`. */
export function takeOffer(server: TestServer, token: string, grant: string, trust: TrustRequest = { name: 'Linux - TESTBOX', days: 30 }): Promise<CallResult> {
  return call('POST', `${server.api}/me/trusted-computers`, { token, body: { grant, ...trust } });
}
