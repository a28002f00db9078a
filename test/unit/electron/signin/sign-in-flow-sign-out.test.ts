/**
 * Signing out when the server does not confirm it: what the person is told, what the keychain keeps
 * (the token, as a sign-out to finish, and nothing else), and when the server is told again. The same
 * against a real server that is stopped and started again: test/integration/electron/signin.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../../electron/api/api-result.js';
import { apiError, session } from './fixtures.js';
import { manualTimers, memoryKeychain, settle, setup } from './flow-harness.js';

const SERVER = 'https://id.example.com';

async function signedInKept(t: ReturnType<typeof setup>) {
  await t.flow.start();
  await settle();
  void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: true });
  await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
  expect(t.credentials.entries.get(`session@${SERVER}`)).toBe(session.token);
}

async function signOutAnswered(t: ReturnType<typeof setup>, result: ApiResult<unknown>) {
  void t.flow.handle({ type: 'signOut' });
  await settle();
  await t.answer('logout', result);
  await settle();
}

const kept = (t: ReturnType<typeof setup>) => [...t.credentials.entries].filter(([account]) => account.startsWith('signout@'));

describe('SignInFlow: sign-out the server does not confirm', () => {
  it.each([
    ['cannot be reached', { ok: false, failure: { kind: 'unreachable' } }],
    ['does not answer in time', { ok: false, failure: { kind: 'timeout' } }],
    ['fails', apiError('internal_error')],
  ] as const)('says so when the server %s, and keeps the token only as a sign-out to finish', async (_, result) => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule });
    await signedInKept(t);
    await signOutAnswered(t, result);

    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada', signedOut: 'unconfirmed', busy: false });
    expect(t.credentials.entries.has(`session@${SERVER}`)).toBe(false);
    expect(kept(t)).toHaveLength(1);
    expect(JSON.parse(kept(t)[0]?.[1] ?? '')).toMatchObject({ serverUrl: SERVER, token: session.token });
    // The keychain lists account names to anyone who looks: the token is only in the entry's secret.
    expect(kept(t)[0]?.[0]).not.toContain(session.token);
    expect(t.logs.join('\n')).not.toContain(session.token);
    expect(timers.waiting()).toEqual([5_000]);
  });

  it('tells the server again after each pause, longer each time, and deletes the token once it confirms', async () => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule });
    await signedInKept(t);
    await signOutAnswered(t, { ok: false, failure: { kind: 'unreachable' } });

    timers.fire();
    await t.answer('logout', { ok: false, failure: { kind: 'unreachable' } });
    expect(timers.waiting()).toEqual([10_000]);
    timers.fire();
    await t.answer('logout', { ok: true, value: null });

    expect(kept(t)).toEqual([]);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'confirmedLater' });
    expect(timers.waiting()).toEqual([]);
  });

  it('deletes the token when the server says the session is already over', async () => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule });
    await signedInKept(t);
    await signOutAnswered(t, apiError('internal_error'));
    timers.fire();
    await t.answer('logout', apiError('unauthorized'));
    expect(kept(t)).toEqual([]);
  });

  it('counts a 401 at sign-out as signed out: nothing is kept and nothing is retried', async () => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule });
    await signedInKept(t);
    await signOutAnswered(t, apiError('unauthorized'));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'confirmed' });
    expect(kept(t)).toEqual([]);
    expect(timers.waiting()).toEqual([]);
  });

  it('tells the server at once when it answers a sign-in, before the pause is over', async () => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule });
    await signedInKept(t);
    await signOutAnswered(t, { ok: false, failure: { kind: 'timeout' } });

    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'wrong', keepSignedIn: false });
    await t.answer('login', apiError('invalid_credentials'));
    await t.answer('logout', { ok: true, value: null });

    expect(kept(t)).toEqual([]);
    expect(timers.waiting()).toEqual([]);
  });

  it('retries while the app runs where the keychain cannot keep the token', async () => {
    const timers = manualTimers();
    const t = setup({ schedule: timers.schedule, credentials: memoryKeychain({ failWrites: true }) });
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    await signOutAnswered(t, { ok: false, failure: { kind: 'unreachable' } });

    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'unconfirmed' });
    expect(t.logs.join('\n')).toContain('retried only while the app runs');
    timers.fire();
    await t.answer('logout', { ok: true, value: null });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'confirmedLater' });
  });
});

describe('SignInFlow: unconfirmed sign-outs under a policy that forbids keeping sessions', () => {
  it('keeps no live token in the keychain: retried while the app runs, and one kept earlier is sent once and deleted', async () => {
    const timers = manualTimers();
    const credentials = memoryKeychain();
    const earlier = { serverUrl: SERVER, token: 'tok_earlier', expiresAt: Date.parse(session.expiresAt) };
    await credentials.rememberUnconfirmedSignOut(earlier);
    const t = setup({ schedule: timers.schedule, credentials, allowKeepSignedIn: false });
    await t.flow.start();
    await settle();
    expect(kept(t)).toEqual([]);
    // Sent at once (a pause of nothing), and it fails.
    expect(timers.fire()).toEqual([0]);
    await t.answer('logout', { ok: false, failure: { kind: 'unreachable' } });
    expect(timers.waiting()).toEqual([5_000]);

    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: true });
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    // The server answered the sign-in, so the earlier sign-out is told again at once; it fails once more.
    await t.answer('logout', { ok: false, failure: { kind: 'unreachable' } });
    await signOutAnswered(t, { ok: false, failure: { kind: 'unreachable' } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'unconfirmed' });
    expect(kept(t)).toEqual([]);
    expect(t.calls.map((c) => c.body)).toEqual([]);
    expect(timers.waiting()).toEqual([10_000, 5_000]);
  });
});
