/**
 * The keychain store against the real Secret Service (gnome-keyring in a private D-Bus session)
 * and against a machine without one. Needs dbus-run-session and gnome-keyring installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./keychain-roundtrip.ts', import.meta.url));
const service = `StepgateTest-${process.pid}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): unknown {
  const out = execFileSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as unknown;
}

describe('keytar store', () => {
  it('remembers the username, the session token and trusted-computer tokens in a real Secret Service, forgets one token or all of a kind', () => {
    const inner = `echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" --import tsx "${script}" "${service}"`;
    // A keyring of its own, so the unlock password is this test's whatever the machine already holds.
    const data = mkdtempSync(join(tmpdir(), 'stepgate-keyring-'));
    let result: unknown;
    try {
      result = run('dbus-run-session', ['--', 'sh', '-c', inner], { ...process.env, XDG_DATA_HOME: data });
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
    expect(result).toEqual({
      probe: true,
      available: true,
      state: { kind: 'available' },
      stored: true,
      username: 'ada',
      token: 'token-value',
      afterForget: null,
      forgotAll: 2,
      afterForgetAll: [null, null],
      trustedStored: true,
      trusted: { ada: 'tc_ada', grace: 'tc_grace', adaElsewhere: 'tc_other' },
      trustedAfterForget: [null, 'tc_grace'],
      forgotAllTrusted: 2,
      afterForgetAllTrusted: [null, null, 'token-c'],
      signOutStored: true,
      signOuts: ['http://127.0.0.1:4000 sess-1 1900000000000', 'http://127.0.0.1:4000 sess-2 1900000000001', 'https://other.example.com sess-3 1900000000002'],
      signOutAccountsHoldNoToken: true,
      signOutsAfterForget: ['sess-2'],
      // Forgetting sessions leaves the last username, and the probe leaves nothing behind.
      left: ['username@http://127.0.0.1:4000'],
    });
  });

  it('without a Secret Service remembers nothing and does not fail', () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/stepgate-bus' };
    const result = run(process.execPath, ['--import', 'tsx', script, service], env);
    expect(result).toEqual({
      probe: false,
      available: false,
      // The same cause the notice, the log line and Diagnostics give.
      state: { kind: 'unavailable', cause: 'keyringRefused' },
      stored: false,
      username: null,
      token: null,
      afterForget: null,
      forgotAll: 0,
      afterForgetAll: [null, null],
      trustedStored: false,
      trusted: { ada: null, grace: null, adaElsewhere: null },
      trustedAfterForget: [null, null],
      forgotAllTrusted: 0,
      afterForgetAllTrusted: [null, null, null],
      signOutStored: false,
      signOuts: [],
      signOutAccountsHoldNoToken: true,
      signOutsAfterForget: [],
      left: [],
    });
  });
});

describe('loadKeytar', () => {
  it('says why, with the platform and architecture, when the binding cannot load, and gives no module', async () => {
    const { loadKeytar } = await import('../../../../electron/keychain/keytar-store.js');
    const logged: string[] = [];
    const keytar = await loadKeytar(
      (message) => logged.push(message),
      () => Promise.reject(new Error('Cannot find module @napi-rs/keyring-darwin-x64')),
    );
    expect(keytar).toBeNull();
    expect(logged).toEqual([`the keychain module could not be loaded on ${process.platform}-${process.arch}, so nothing can be remembered: Cannot find module @napi-rs/keyring-darwin-x64`]);
  });
});
