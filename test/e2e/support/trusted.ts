/**
 * Trusted computers from outside the app: the person's own list and its "revoke" through the API
 * (as the browser's /settings page does it), and the keychain entries a launch keeps its token in.
 */
import { keychainStore, loadKeytar } from '../../../electron/keychain/keytar-store.js';
import type { TestServer } from '../../support/test-server.js';
import { api, currentCode, type EnrolledAccount } from './accounts.js';

interface ListedComputer {
  readonly id: string;
  readonly name: string;
  readonly expiresAt: string;
}

/** Signs the person in through the API with a code of a time step of its own, runs `use` with the session, and signs out. */
async function withSession<T>(server: TestServer, account: EnrolledAccount, use: (token: string) => Promise<T>): Promise<T> {
  server.clock.advance(30_000);
  const login = await api<{ challenge?: { id: string } }>(server, 'POST', '/auth/login', { username: account.username, password: account.password });
  if (login.challenge === undefined) throw new Error('the API sign-in was not asked for a code');
  const { session } = await api<{ session: { token: string } }>(server, 'POST', '/auth/totp', { challengeId: login.challenge.id, code: currentCode(server, account.secret) });
  try {
    return await use(session.token);
  } finally {
    await api(server, 'POST', '/auth/logout', undefined, session.token);
    server.clock.advance(30_000);
  }
}

const listed = async (server: TestServer, token: string): Promise<readonly ListedComputer[]> =>
  (await api<{ trustedComputers?: { computers: ListedComputer[] } }>(server, 'GET', '/me', undefined, token)).trustedComputers?.computers ?? [];

/** The computers the person's account trusts, as GET /me lists them. */
export function trustedComputersOf(server: TestServer, account: EnrolledAccount): Promise<readonly ListedComputer[]> {
  return withSession(server, account, (token) => listed(server, token));
}

/** Revokes every computer the person's account trusts, one by one, as they would in /settings. */
export function revokeTrustedComputers(server: TestServer, account: EnrolledAccount): Promise<void> {
  return withSession(server, account, async (token) => {
    for (const computer of await listed(server, token)) await api(server, 'DELETE', `/me/trusted-computers/${computer.id}`, undefined, token);
  });
}

/** The trusted-computer token a launch with `keychainService` keeps for the person on this server, read from the real keychain. */
export async function keptToken(keychainService: string, server: TestServer, account: EnrolledAccount): Promise<string | null> {
  return keychainStore(await loadKeytar(), keychainService).trustedComputerToken(server.url, account.username);
}
