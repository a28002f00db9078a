/**
 * The one account of whether the keychain can keep anything, used by the notice, the log line and
 * Diagnostics alike, so they cannot contradict each other. Reading can work where writing does not
 * (a locked keyring still lists what it holds), so "unavailable" always carries what failed.
 */
import type { Notice } from '../ipc/view.js';

/** Why nothing new can be kept: the native module did not load; the Linux keyring (locked, or no Secret Service) or another platform's keychain refused to store. */
export type KeychainCause = 'noModule' | 'keyringRefused' | 'writeRefused';

export type KeychainState = { readonly kind: 'unchecked' } | { readonly kind: 'available' } | { readonly kind: 'unavailable'; readonly cause: KeychainCause };

/** What a refused write means on this platform: on Linux, the login keyring (locked, or no Secret Service). */
export const refusalCause = (platform: string): KeychainCause => (platform === 'linux' ? 'keyringRefused' : 'writeRefused');

/** The terminal's line for a keychain that cannot keep entries; null while it can. Never a secret: only the cause. */
export function keychainLogLine(state: KeychainState): string | null {
  switch (state.kind) {
    case 'unchecked':
    case 'available':
      return null;
    case 'unavailable':
      switch (state.cause) {
        case 'noModule':
          return 'Keychain unavailable: the keychain module did not load on this platform; nothing will be remembered';
        case 'keyringRefused':
          return 'Keychain unavailable: the login keyring refused to store an entry (locked, or no Secret Service running); nothing new will be remembered';
        case 'writeRefused':
          return 'Keychain unavailable: the keychain refused to store an entry; nothing new will be remembered';
      }
  }
}

const NOTICE_OF: Readonly<Record<KeychainCause, Notice>> = { noModule: 'noKeychain', keyringRefused: 'keyringRefused', writeRefused: 'keychainRefused' };

/** The notice for a keychain that cannot keep entries; null while it can. */
export const keychainNotice = (state: KeychainState): Notice | null => (state.kind === 'unavailable' ? NOTICE_OF[state.cause] : null);
