/**
 * The credential store on the keytar API, as `@napi-rs/keyring` provides it (keytar itself is
 * archived). Secret Service on Linux, Keychain on macOS, Credential Manager on Windows.
 * A keychain that fails later (locked, removed) degrades to "not remembered", never to a crash.
 */
import { noKeychain, type CredentialStore } from './credential-store.js';

/** The subset of keytar the store needs; tests and the app pass the real module. */
export interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Stepgate';

const usernameAccount = (serverUrl: string) => `username@${serverUrl}`;
const sessionAccount = (serverUrl: string) => `session@${serverUrl}`;
const PROBE_ACCOUNT = 'probe';

/** Loads the native module; on a platform without a prebuilt binary it cannot load at all. */
export async function loadKeytar(): Promise<Keytar | null> {
  try {
    // keyring's package has no "exports" map, so ESM resolution needs the file's full name.
    const keytar = (await import('@napi-rs/keyring/keytar.js')) as unknown as Keytar & { default?: Keytar };
    return keytar.default ?? keytar;
  } catch {
    return null;
  }
}

/**
 * Opens the keychain for `service`, or the forgetful store when there is none (a Linux desktop
 * without a Secret Service answers the first call with an error).
 */
export async function openKeychain(keytar: Keytar | null, service: string = DEFAULT_KEYCHAIN_SERVICE): Promise<CredentialStore> {
  if (keytar === null) return noKeychain;
  try {
    // Reading a missing entry succeeds even without a Secret Service, so the probe writes one.
    await keytar.setPassword(service, PROBE_ACCOUNT, 'ok');
    await keytar.deletePassword(service, PROBE_ACCOUNT);
  } catch {
    return noKeychain;
  }
  return keytarStore(keytar, service);
}

export function keytarStore(keytar: Keytar, service: string): CredentialStore {
  const get = async (account: string): Promise<string | null> => {
    try {
      return await keytar.getPassword(service, account);
    } catch {
      return null;
    }
  };
  const set = async (account: string, value: string): Promise<boolean> => {
    try {
      await keytar.setPassword(service, account, value);
      return true;
    } catch {
      return false;
    }
  };
  const remove = async (account: string): Promise<void> => {
    try {
      await keytar.deletePassword(service, account);
    } catch {
      // Nothing to forget, or the keychain is gone: either way nothing is stored any more.
    }
  };
  return {
    available: true,
    lastUsername: (serverUrl) => get(usernameAccount(serverUrl)),
    rememberUsername: async (serverUrl, username) => {
      await set(usernameAccount(serverUrl), username);
    },
    sessionToken: (serverUrl) => get(sessionAccount(serverUrl)),
    rememberSessionToken: (serverUrl, token) => set(sessionAccount(serverUrl), token),
    forgetSessionToken: (serverUrl) => remove(sessionAccount(serverUrl)),
  };
}
