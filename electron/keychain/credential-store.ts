/**
 * What the app remembers between runs: the last username, and the session token when the person
 * chose "Keep me signed in". Both are kept per server in the operating system's keychain.
 * Without a keychain nothing is remembered; sign-in itself is unaffected.
 */
export interface CredentialStore {
  /** False when there is no keychain, or once it has shown it cannot keep anything. */
  readonly available: boolean;
  /**
   * Checks, once, that the keychain can store an entry (reading works even without one). Slow when
   * the keyring is locked, so it never runs before the first window, nor when policy forbids keeping
   * sessions: it writes a throwaway entry.
   */
  probe(): Promise<boolean>;
  lastUsername(serverUrl: string): Promise<string | null>;
  rememberUsername(serverUrl: string, username: string): Promise<void>;
  sessionToken(serverUrl: string): Promise<string | null>;
  /** Resolves false when the keychain refused; the session then lasts only this run. */
  rememberSessionToken(serverUrl: string, token: string): Promise<boolean>;
  forgetSessionToken(serverUrl: string): Promise<void>;
  /** Deletes every kept session, for every server; resolves how many there were. */
  forgetAllSessionTokens(): Promise<number>;
}

/** The store used when there is no keychain: it forgets everything. */
export const noKeychain: CredentialStore = {
  available: false,
  probe: async () => false,
  lastUsername: async () => null,
  rememberUsername: async () => undefined,
  sessionToken: async () => null,
  rememberSessionToken: async () => false,
  forgetSessionToken: async () => undefined,
  forgetAllSessionTokens: async () => 0,
};
