/**
 * What a launch keeps of sessions in the real keychain (its own service name), and whether the server
 * still honours a session token: the effects of signing in and out, read where they land.
 */
import { keychainStore, loadKeytar } from '../../../electron/keychain/keytar-store.js';
import type { TestServer } from '../../support/test-server.js';

const storeFor = async (keychainService: string) => keychainStore(await loadKeytar(), keychainService);

/** The session token kept with "Keep me signed in" for the server the app was pointed at, or null. */
export async function keptSession(keychainService: string, serverUrl: string): Promise<string | null> {
  return (await storeFor(keychainService)).sessionToken(serverUrl);
}

/** The sign-outs kept until the server confirms them. */
export async function keptSignOuts(keychainService: string): Promise<readonly { readonly serverUrl: string; readonly token: string }[]> {
  return (await (await storeFor(keychainService)).unconfirmedSignOuts()).map(({ serverUrl, token }) => ({ serverUrl, token }));
}

/** GET /me with the token: 200 while the server honours the session, 401 once it has ended. */
export async function meStatus(server: TestServer, token: string): Promise<number> {
  return (await fetch(`${server.api}/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}
