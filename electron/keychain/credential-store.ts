/**
 * What the app remembers between runs: the last username, the session token when the person
 * chose "Keep me signed in" (both per server), the trusted-computer token when the person chose
 * "Don't ask for a code on this computer" (per server and username), and the token of a sign-out
 * the server has not confirmed yet, until it does. All of it lives in the operating system's
 * keychain. Without a keychain nothing is remembered; sign-in itself is unaffected.
 */
import type { KeychainState } from '../../shared/keychain/keychain-state.js';

/** A session this computer signed out of that the server has not yet said it ended. */
export interface UnconfirmedSignOut {
  readonly serverUrl: string;
  readonly token: string;
  /** Epoch ms when the server ends the session anyway: after that there is nothing left to end. */
  readonly expiresAt: number;
}

export interface CredentialStore {
  /** False when there is no keychain, or once it has shown it cannot keep anything. */
  readonly available: boolean;
  /** The same, with what failed: the one source for the notice, the log line and Diagnostics. */
  readonly state: KeychainState;
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
  /** The token that lets `username` skip the code on this computer; usernames compare as the server compares them. */
  trustedComputerToken(serverUrl: string, username: string): Promise<string | null>;
  /** Resolves false when the keychain refused; the next sign-in then asks for a code. */
  rememberTrustedComputerToken(serverUrl: string, username: string, token: string): Promise<boolean>;
  forgetTrustedComputerToken(serverUrl: string, username: string): Promise<void>;
  /** Deletes every trusted-computer token, for every server and username; resolves how many there were. */
  forgetAllTrustedComputerTokens(): Promise<number>;
  /** Every kept unconfirmed sign-out, for every server; entries that cannot be read are deleted, not returned. */
  unconfirmedSignOuts(): Promise<readonly UnconfirmedSignOut[]>;
  /** Resolves false when the keychain refused; the sign-out is then retried only while the app runs. */
  rememberUnconfirmedSignOut(signOut: UnconfirmedSignOut): Promise<boolean>;
  forgetUnconfirmedSignOut(serverUrl: string, token: string): Promise<void>;
}

/** The store used when there is no keychain: it forgets everything. */
export const noKeychain: CredentialStore = {
  available: false,
  state: { kind: 'unavailable', cause: 'noModule' },
  probe: async () => false,
  lastUsername: async () => null,
  rememberUsername: async () => undefined,
  sessionToken: async () => null,
  rememberSessionToken: async () => false,
  forgetSessionToken: async () => undefined,
  forgetAllSessionTokens: async () => 0,
  trustedComputerToken: async () => null,
  rememberTrustedComputerToken: async () => false,
  forgetTrustedComputerToken: async () => undefined,
  forgetAllTrustedComputerTokens: async () => 0,
  unconfirmedSignOuts: async () => [],
  rememberUnconfirmedSignOut: async () => false,
  forgetUnconfirmedSignOut: async () => undefined,
};
