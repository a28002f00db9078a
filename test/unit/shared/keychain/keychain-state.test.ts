import { describe, expect, it } from 'vitest';
import { diagnosticsLines } from '../../../../shared/diagnostics/diagnostics-lines.js';
import { keychainLogLine, keychainNotice, refusalCause, type KeychainState } from '../../../../shared/keychain/keychain-state.js';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';

const states: readonly KeychainState[] = [
  { kind: 'unchecked' },
  { kind: 'available' },
  { kind: 'unavailable', cause: 'noModule' },
  { kind: 'unavailable', cause: 'keyringRefused' },
  { kind: 'unavailable', cause: 'writeRefused' },
];

describe('the keychain state', () => {
  it('a refused write on Linux is the login keyring; elsewhere the keychain', () => {
    expect(refusalCause('linux')).toBe('keyringRefused');
    expect(refusalCause('win32')).toBe('writeRefused');
    expect(refusalCause('darwin')).toBe('writeRefused');
  });

  it('notice and log line speak only of an unavailable keychain, each with its cause', () => {
    expect(states.map(keychainNotice)).toEqual([null, null, 'noKeychain', 'keyringRefused', 'keychainRefused']);
    expect(keychainLogLine({ kind: 'available' })).toBeNull();
    expect(keychainLogLine({ kind: 'unchecked' })).toBeNull();
    expect(keychainLogLine({ kind: 'unavailable', cause: 'keyringRefused' })).toMatch(/^Keychain unavailable: the login keyring refused .*locked, or no Secret Service/);
    expect(keychainLogLine({ kind: 'unavailable', cause: 'noModule' })).toMatch(/^Keychain unavailable: the keychain module did not load/);
  });

  it('on Linux the notice gives the fix, in English and Finnish, and never says there is no keychain', () => {
    expect(en.notices.keyringRefused).toContain('Unlock your login keyring, or ask IT.');
    expect(fi.notices.keyringRefused).toContain('Avaa kirjautumisavainnipun lukitus tai pyydä apua IT-tuelta.');
    for (const words of [en.notices.keyringRefused, en.notices.keychainRefused]) expect(words).not.toMatch(/no keychain/i);
  });

  it('Diagnostics says what the notice says: never "available" once a write was refused', () => {
    const lineOf = (keychain: KeychainState, messages = en) =>
      diagnosticsLines({ version: '1', runtime: 'r', collectedAt: 'now', server: null, policySources: [], keychain, logFile: null }, messages).find((l) => l.label === messages.diagnostics.label.keychain)?.value;
    expect(lineOf({ kind: 'available' })).toBe(en.diagnostics.keychainAvailable);
    expect(lineOf({ kind: 'unchecked' })).toBe(en.diagnostics.keychainUnchecked);
    expect(lineOf({ kind: 'unavailable', cause: 'keyringRefused' })).toBe(en.diagnostics.keyringRefused);
    expect(lineOf({ kind: 'unavailable', cause: 'keyringRefused' }, fi)).toBe(fi.diagnostics.keyringRefused);
    expect(lineOf({ kind: 'unavailable', cause: 'writeRefused' })).toBe(en.diagnostics.keychainRefused);
    expect(lineOf({ kind: 'unavailable', cause: 'noModule' })).toBe(en.diagnostics.keychainMissing);
  });
});
