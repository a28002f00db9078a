/**
 * "Don't ask for a code on this computer" in the flow: which token goes with a password, what
 * happens to it when the server no longer honours it, what a ticked box asks the server for, and
 * where the token the server issues ends up. The server's side is scripted (flow-harness.ts); the
 * real server is exercised in test/e2e/trusted-computer.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Challenge } from '../../../../shared/api/schemas.js';
import { keychainStore, trustedComputerAccount, type Keytar } from '../../../../electron/keychain/keytar-store.js';
import { apiChallenge, apiError, NOW, session } from './fixtures.js';
import { memoryKeychain, settle, setup } from './flow-harness.js';

const SERVER = 'https://id.example.com';
const TOKEN = `tc_${'A'.repeat(43)}`;
const ACCOUNT = trustedComputerAccount(SERVER, 'ada');
const EXPIRES = new Date(NOW + 30 * 86_400_000).toISOString();
const issued = { id: 'tc1', name: 'Linux - build-07', token: TOKEN, expiresAt: EXPIRES };

async function signInWithPassword(t: ReturnType<typeof setup>, username = 'ada') {
  await t.flow.start();
  await settle();
  void t.flow.handle({ type: 'submitCredentials', username, password: 'pw', keepSignedIn: false });
  await settle();
}

async function toCodeWindow(t: ReturnType<typeof setup>, challenge: Challenge = apiChallenge) {
  await signInWithPassword(t);
  await t.answer('login', { ok: true, value: { status: 'totp_required', challenge } });
}

/** A keychain that keeps everything but trusted-computer tokens, as one that refuses a single write. */
function keychainRefusingTrust() {
  const entries = new Map<string, string>();
  const keytar: Keytar = {
    getPassword: async (_service, account) => entries.get(account) ?? null,
    setPassword: async (_service, account, password) => {
      if (account.startsWith('trusted@')) throw new Error('the keyring is locked');
      entries.set(account, password);
    },
    deletePassword: async (_service, account) => entries.delete(account),
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
  return Object.assign(keychainStore(keytar, 'test'), { entries, writes: [] as string[] });
}

describe('a password sign-in on a trusted computer', () => {
  it('sends the token kept for that username, as the server compares usernames, and none for another', async () => {
    const t = setup();
    t.credentials.entries.set(ACCOUNT, TOKEN);
    await signInWithPassword(t, ' ADA ');
    expect(t.calls.map((c) => c.body)).toEqual([{ username: 'ADA', password: 'pw', trustedComputerToken: TOKEN }]);

    const other = setup({ credentials: t.credentials });
    await signInWithPassword(other, 'grace');
    expect(other.calls.map((c) => c.body)).toEqual([{ username: 'grace', password: 'pw' }]);
  });

  it('signs in without a code when the server honours the token, and says so', async () => {
    const t = setup();
    t.credentials.entries.set(ACCOUNT, TOKEN);
    await signInWithPassword(t);
    await t.answer('login', { ok: true, value: { status: 'authenticated', session, trustedComputer: { id: 'tc1', name: issued.name, expiresAt: EXPIRES } } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', trustedComputer: { until: Date.parse(EXPIRES), codeSkipped: true } });
    expect(t.credentials.entries.get(ACCOUNT)).toBe(TOKEN);
    expect(JSON.stringify(t.flow.view)).not.toContain(TOKEN);
  });

  it('deletes the token when the server asks for a code instead, even after Cancel', async () => {
    const t = setup();
    t.credentials.entries.set(ACCOUNT, TOKEN);
    await signInWithPassword(t);
    await t.answer('login', { ok: true, value: { status: 'totp_required', challenge: apiChallenge } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'code' });
    expect(t.credentials.entries.has(ACCOUNT)).toBe(false);
    expect(t.logs).toContain('the server no longer trusts this computer: its token is deleted');

    const cancelled = setup();
    cancelled.credentials.entries.set(ACCOUNT, TOKEN);
    await signInWithPassword(cancelled);
    await cancelled.flow.handle({ type: 'cancel' });
    await cancelled.answer('login', { ok: true, value: { status: 'totp_required', challenge: apiChallenge } });
    expect(cancelled.flow.view.flow).toMatchObject({ kind: 'signIn', busy: false });
    expect(cancelled.credentials.entries.has(ACCOUNT)).toBe(false);
  });

  it('keeps the token through a wrong password or a server that cannot be reached: they say nothing about it', async () => {
    for (const failure of [apiError('invalid_credentials'), { ok: false, failure: { kind: 'unreachable' } } as const]) {
      const t = setup();
      t.credentials.entries.set(ACCOUNT, TOKEN);
      await signInWithPassword(t);
      await t.answer('login', failure);
      expect(t.credentials.entries.get(ACCOUNT)).toBe(TOKEN);
    }
  });

  it('deletes, rather than sends, a kept token the server would refuse the sign-in over', async () => {
    const t = setup();
    t.credentials.entries.set(ACCOUNT, 'not a token');
    await signInWithPassword(t);
    expect(t.calls.map((c) => c.body)).toEqual([{ username: 'ada', password: 'pw' }]);
    expect(t.credentials.entries.has(ACCOUNT)).toBe(false);
  });
});

describe('"Don’t ask for a code on this computer"', () => {
  it('is offered for the lower of policy’s days and the server’s, and asks for them with this computer’s name', async () => {
    const t = setup({ trustedComputerDays: 7 });
    await toCodeWindow(t);
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', trustDays: 7 });
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: true });
    expect(t.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', code: '123456', trustComputer: { name: 'Linux - build-07', days: 7 } }]);
  });

  it('keeps the token the server issues for this server and username, and the signed-in view says until when', async () => {
    const t = setup();
    await toCodeWindow(t);
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: true });
    await t.answer('verifyTotp', { ok: true, value: { status: 'authenticated', session, trustedComputer: issued } });
    expect(t.credentials.entries.get(ACCOUNT)).toBe(TOKEN);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', trustedComputer: { until: Date.parse(EXPIRES), codeSkipped: false } });
    expect(JSON.stringify(t.flow.view)).not.toContain(TOKEN);
  });

  it('goes with a recovery code too', async () => {
    const t = setup();
    await toCodeWindow(t);
    await t.flow.handle({ type: 'chooseMethod', method: 'recovery_code' });
    void t.flow.handle({ type: 'submitRecoveryCode', recoveryCode: 'abcd-efgh', trustComputer: true });
    expect(t.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', recoveryCode: 'abcd-efgh', trustComputer: { name: 'Linux - build-07', days: 30 } }]);
    await t.answer('verifyRecoveryCode', { ok: true, value: { status: 'authenticated', session, recoveryCodesRemaining: 9, trustedComputer: issued } });
    expect(t.credentials.entries.get(ACCOUNT)).toBe(TOKEN);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', recoveryCodesRemaining: 9, trustedComputer: { codeSkipped: false } });
  });

  it('asks for nothing unticked, nor where it is not offered, whatever the renderer says', async () => {
    const unticked = setup();
    await toCodeWindow(unticked);
    void unticked.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    expect(unticked.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', code: '123456' }]);

    const serverOff = setup();
    await toCodeWindow(serverOff, { ...apiChallenge, trustedComputerDays: 0 });
    expect(serverOff.flow.view.flow).toMatchObject({ kind: 'code', trustDays: null });
    void serverOff.flow.handle({ type: 'submitCode', code: '123456', trustComputer: true });
    expect(serverOff.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', code: '123456' }]);

    const olderServer = setup();
    const withoutDays: Challenge = { ...apiChallenge };
    delete withoutDays.trustedComputerDays;
    await toCodeWindow(olderServer, withoutDays);
    expect(olderServer.flow.view.flow).toMatchObject({ kind: 'code', trustDays: null });
  });

  it('signs in all the same when the keychain refuses the token, and says that the next sign-in asks for a code', async () => {
    const credentials = keychainRefusingTrust();
    const t = setup({ credentials });
    await toCodeWindow(t);
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: true });
    await t.answer('verifyTotp', { ok: true, value: { status: 'authenticated', session, trustedComputer: issued } });
    expect(t.flow.view).toMatchObject({ flow: { kind: 'signedIn', trustedComputer: null }, notices: ['trustedComputerNotKept'] });
    await t.flow.handle({ type: 'dismissNotice', notice: 'trustedComputerNotKept' });
    expect(t.flow.view.notices).toEqual([]);
  });

  it('has the keychain checked for keeping its token even where sessions may not be kept', async () => {
    const credentials = memoryKeychain({ failWrites: true });
    const t = setup({ credentials, allowKeepSignedIn: false });
    await toCodeWindow(t);
    expect(credentials.writes[0]).toBe('set probe');
    expect(t.flow.view).toMatchObject({ flow: { kind: 'code', trustDays: null }, notices: ['keyringRefused'] });
  });

  it('is not offered without a keychain to keep the token in', async () => {
    const t = setup({ credentials: memoryKeychain({ failWrites: true }) });
    await toCodeWindow(t);
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', trustDays: null });
  });
});

describe('under a policy that forbids trusted computers', () => {
  it('deletes every kept token at start, sends none, offers none, and leaves sessions alone', async () => {
    const credentials = memoryKeychain();
    credentials.entries.set(ACCOUNT, TOKEN);
    credentials.entries.set(trustedComputerAccount('https://old.example.com', 'grace'), TOKEN);
    credentials.entries.set('username@https://id.example.com', 'ada');
    const t = setup({ credentials, allowTrustedComputer: false });
    await signInWithPassword(t);
    expect(t.calls.map((c) => c.body)).toEqual([{ username: 'ada', password: 'pw' }]);
    await t.answer('login', { ok: true, value: { status: 'totp_required', challenge: apiChallenge } });
    expect([...credentials.entries.keys()]).toEqual(['username@https://id.example.com']);
    expect(t.logs).toContain('deleted 2 trusted-computer token(s): policy does not allow trusted computers');
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', trustDays: null });
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: true });
    expect(t.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', code: '123456' }]);
  });

  it('never sends a token, even one kept since start', async () => {
    const t = setup({ allowTrustedComputer: false });
    await t.flow.start();
    await settle();
    t.credentials.entries.set(ACCOUNT, TOKEN);
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await settle();
    expect(t.calls.map((c) => c.body)).toEqual([{ username: 'ada', password: 'pw' }]);
  });
});
