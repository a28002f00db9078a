/**
 * The credential store on the keytar API, as `@napi-rs/keyring` provides it (keytar itself is
 * archived). Secret Service on Linux, Keychain on macOS, Credential Manager on Windows.
 * Opening it touches nothing: the keychain is first used when the flow needs it, so a locked
 * keyring cannot hold up the first window. A keychain that fails later (locked, removed) degrades
 * to "not remembered", never to a crash.
 */
import { createHash } from 'node:crypto';
import { usernameKey } from '../../shared/api/username-key.js';
import { refusalCause, type KeychainState } from '../../shared/keychain/keychain-state.js';
import { noKeychain, type CredentialStore, type UnconfirmedSignOut } from './credential-store.js';

/** The subset of keytar the store needs; tests and the app pass the real module. */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Stepgate';

const usernameAccount = (serverUrl: string) => `username@${serverUrl}`;
const SESSION_PREFIX = 'session@';
const sessionAccount = (serverUrl: string) => `${SESSION_PREFIX}${serverUrl}`;
const TRUSTED_PREFIX = 'trusted@';
/**
 * One entry per server and account, keyed as the server keys accounts (so "Ada" and "ada" are one here
 * too); a server address has no "#", so the two parts cannot run into each other.
 */
export const trustedComputerAccount = (serverUrl: string, username: string): string => `${TRUSTED_PREFIX}${serverUrl}#${usernameKey(username.trim())}`;
const SIGN_OUT_PREFIX = 'signout@';
/**
 * One entry per session, so a second sign-out the server missed does not overwrite the first. The
 * account name is seen by anyone who lists the keychain, so it carries a digest of the token, never the token.
 */
const signOutAccount = (serverUrl: string, token: string) =>
  `${SIGN_OUT_PREFIX}${serverUrl}#${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
const PROBE_ACCOUNT = 'probe';

/** A kept sign-out as written by `rememberUnconfirmedSignOut`; null for anything else. */
function parseSignOut(account: string, value: string): UnconfirmedSignOut | null {
  try {
    const parsed = JSON.parse(value) as Partial<Record<keyof UnconfirmedSignOut, unknown>>;
    const { serverUrl, token, expiresAt } = parsed;
    if (typeof serverUrl !== 'string' || typeof token !== 'string' || typeof expiresAt !== 'number' || token === '') return null;
    // An entry whose name does not match its contents was not written here.
    return signOutAccount(serverUrl, token) === account ? { serverUrl, token, expiresAt } : null;
  } catch {
    return null;
  }
}

/** Loads the native module; on a platform without a prebuilt binary it cannot load at all. */
// keyring's package has no "exports" map, so ESM resolution needs the file's full name.
const importKeyring = () => import('@napi-rs/keyring/keytar.js') as unknown as Promise<Keytar & { default?: Keytar }>;

/**
 * The keychain module, or null where its binding for this platform and architecture cannot load (a
 * build that shipped without it); `log` is told why, as the app then remembers nothing.
 */
export async function loadKeytar(log: (message: string) => void = () => undefined, load: () => Promise<Keytar & { default?: Keytar }> = importKeyring): Promise<Keytar | null> {
  try {
    const keytar = await load();
    return keytar.default ?? keytar;
  } catch (error) {
    log(`the keychain module could not be loaded on ${process.platform}-${process.arch}, so nothing can be remembered: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The store for `service`, or the forgetful one when the native module could not load. */
export function keychainStore(keytar: Keytar | null, service: string = DEFAULT_KEYCHAIN_SERVICE, platform: string = process.platform): CredentialStore {
  if (keytar === null) return noKeychain;
  let state: KeychainState = { kind: 'unchecked' };
  let available = true;
  let probed: Promise<boolean> | undefined;

  // Once a write has failed, the store is "not remembered" for the rest of the run: reads and writes
  // both stop. On Linux without a Secret Service the module's first write fails and later ones may
  // land in the kernel's session keyring instead, which this app does not offer as a keychain.
  const get = async (account: string): Promise<string | null> => {
    if (!available) return null;
    try {
      return await keytar.getPassword(service, account);
    } catch {
      return null;
    }
  };
  const set = async (account: string, value: string): Promise<boolean> => {
    if (!available) return false;
    try {
      await keytar.setPassword(service, account, value);
      return true;
    } catch {
      available = false;
      state = { kind: 'unavailable', cause: refusalCause(platform) };
      return false;
    }
  };
  const remove = async (account: string): Promise<boolean> => {
    try {
      return await keytar.deletePassword(service, account);
    } catch {
      // Nothing to forget, or the keychain is gone: either way nothing is stored any more.
      return false;
    }
  };
  /** Every entry whose account starts with `prefix`; none where the keychain cannot list them. */
  const entriesOf = async (prefix: string): Promise<Array<{ account: string; password: string }>> => {
    try {
      return (await keytar.findCredentials(service)).filter((entry) => entry.account.startsWith(prefix));
    } catch {
      return [];
    }
  };
  /** Deletes every entry whose account starts with `prefix`; resolves how many went. */
  const removeAll = async (prefix: string): Promise<number> => {
    const removed = await Promise.all((await entriesOf(prefix)).map((entry) => remove(entry.account)));
    return removed.filter(Boolean).length;
  };
  return {
    get available() {
      return available;
    },
    get state() {
      return state;
    },
    probe: () =>
      (probed ??= (async () => {
        // A Linux desktop without a Secret Service answers reads with "nothing", so only a write tells.
        const stored = await set(PROBE_ACCOUNT, 'ok');
        if (stored) {
          await remove(PROBE_ACCOUNT);
          if (available) state = { kind: 'available' };
        }
        return stored;
      })()),
    lastUsername: (serverUrl) => get(usernameAccount(serverUrl)),
    rememberUsername: async (serverUrl, username) => {
      await set(usernameAccount(serverUrl), username);
    },
    sessionToken: (serverUrl) => get(sessionAccount(serverUrl)),
    rememberSessionToken: (serverUrl, token) => set(sessionAccount(serverUrl), token),
    forgetSessionToken: async (serverUrl) => {
      await remove(sessionAccount(serverUrl));
    },
    forgetAllSessionTokens: () => removeAll(SESSION_PREFIX),
    trustedComputerToken: (serverUrl, username) => get(trustedComputerAccount(serverUrl, username)),
    rememberTrustedComputerToken: (serverUrl, username, token) => set(trustedComputerAccount(serverUrl, username), token),
    forgetTrustedComputerToken: async (serverUrl, username) => {
      await remove(trustedComputerAccount(serverUrl, username));
    },
    forgetAllTrustedComputerTokens: () => removeAll(TRUSTED_PREFIX),
    unconfirmedSignOuts: async () => {
      // As for every read: nothing once a write has failed (see `get`).
      if (!available) return [];
      const kept: UnconfirmedSignOut[] = [];
      for (const entry of await entriesOf(SIGN_OUT_PREFIX)) {
        const signOut = parseSignOut(entry.account, entry.password);
        if (signOut === null) await remove(entry.account);
        else kept.push(signOut);
      }
      return kept;
    },
    rememberUnconfirmedSignOut: (signOut) =>
      set(signOutAccount(signOut.serverUrl, signOut.token), JSON.stringify({ serverUrl: signOut.serverUrl, token: signOut.token, expiresAt: signOut.expiresAt })),
    forgetUnconfirmedSignOut: async (serverUrl, token) => {
      await remove(signOutAccount(serverUrl, token));
    },
  };
}
