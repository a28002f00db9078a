/**
 * What the app remembers between runs: the last username, and the session token when the person
 * chose "Keep me signed in". Both are kept per server in the operating system's keychain.
 * Without a keychain nothing is remembered; sign-in itself is unaffected.
 */
export interface CredentialStore {
  readonly available: boolean;
  lastUsername(serverUrl: string): Promise<string | null>;
  rememberUsername(serverUrl: string, username: string): Promise<void>;
  sessionToken(serverUrl: string): Promise<string | null>;
  /** Resolves false when the keychain refused; the session then lasts only this run. */
  rememberSessionToken(serverUrl: string, token: string): Promise<boolean>;
  forgetSessionToken(serverUrl: string): Promise<void>;
}

/** The store used when there is no keychain: it forgets everything. */
export const noKeychain: CredentialStore = {
  available: false,
  lastUsername: async () => null,
  rememberUsername: async () => undefined,
  sessionToken: async () => null,
  rememberSessionToken: async () => false,
  forgetSessionToken: async () => undefined,
};
