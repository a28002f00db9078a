import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../../electron/api/api-result.js';
import { noKeychain } from '../../../../electron/keychain/credential-store.js';
import { apiChallenge, apiError, handoff, NOW, session } from './fixtures.js';
import { memoryKeychain, settle, setup } from './flow-harness.js';

async function toCodeWindow(t: ReturnType<typeof setup>, keepSignedIn = false) {
  await t.flow.start();
  await settle();
  void t.flow.handle({ type: 'submitCredentials', username: ' ada ', password: 'pw', keepSignedIn });
  await t.answer('login', { ok: true, value: { status: 'totp_required', challenge: apiChallenge } });
}

describe('SignInFlow', () => {
  it('starts on the login form with the server name and the last username', async () => {
    const t = setup();
    t.credentials.entries.set('username@https://id.example.com', 'ada');
    await t.flow.start();
    await settle();
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada', server: { name: 'Acme' }, busy: false });
    expect(t.flow.view.notices).toEqual([]);
  });

  it('says once that nothing can be remembered without a keychain', async () => {
    const t = setup({ credentials: { ...noKeychain, entries: new Map(), writes: [] } });
    await t.flow.start();
    expect(t.flow.view.notices).toEqual(['noKeychain']);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', canKeepSignedIn: false });
    await t.flow.handle({ type: 'dismissNotice', notice: 'noKeychain' });
    expect(t.flow.view.notices).toEqual([]);
  });

  it('sends trimmed username and password, never keeping the password', async () => {
    const t = setup();
    await toCodeWindow(t);
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', username: 'ada', digits: 6, busy: false });
    expect(JSON.stringify(t.flow.current)).not.toContain('"pw"');
    expect(t.credentials.entries.get('username@https://id.example.com')).toBe('ada');
  });

  it('normalises a pasted code and sends it once', async () => {
    const t = setup();
    await toCodeWindow(t);
    void t.flow.handle({ type: 'submitCode', code: '123 456', trustComputer: false });
    void t.flow.handle({ type: 'submitCode', code: '123-456', trustComputer: false });
    expect(t.calls.filter((c) => c.method === 'verifyTotp').map((c) => c.body)).toEqual([{ challengeId: 'ch_1', code: '123456' }]);
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', busy: true });
    await t.answer('verifyTotp', { ok: true, value: { status: 'authenticated', session } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', username: 'ada', remembered: false });
    expect(JSON.stringify(t.flow.view)).not.toContain(session.token);
  });

  it('ignores an incomplete code', async () => {
    const t = setup();
    await toCodeWindow(t);
    await t.flow.handle({ type: 'submitCode', code: '12345', trustComputer: false });
    expect(t.calls).toEqual([]);
  });

  it('drops the code answer that arrives after Cancel', async () => {
    const t = setup();
    await toCodeWindow(t, true);
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    await t.flow.handle({ type: 'cancel' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', busy: false });
    await t.answer('verifyTotp', { ok: true, value: { status: 'authenticated', session } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn' });
    expect(t.credentials.entries.has('session@https://id.example.com')).toBe(false);
  });

  it('drops the login answer that arrives after Cancel, even once a new attempt is under way', async () => {
    const t = setup();
    await t.flow.start();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'first', keepSignedIn: false });
    // The first request is sent (after the flow has looked for a trusted-computer token) before Cancel.
    await settle();
    await t.flow.handle({ type: 'cancel' });
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'second', keepSignedIn: false });
    // The first request's answer comes in now; it belongs to a cancelled attempt.
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', busy: true });
    await t.answer('login', apiError('invalid_credentials'));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', busy: false, problem: { kind: 'invalidCredentials' } });
  });

  it('keeps the session in the keychain only with "Keep me signed in", and restores it after checking /me', async () => {
    const t = setup();
    await toCodeWindow(t, true);
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    await t.answer('verifyTotp', { ok: true, value: { status: 'authenticated', session } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', remembered: true });
    expect(t.credentials.entries.get('session@https://id.example.com')).toBe(session.token);

    const restarted = setup({ credentials: t.credentials });
    void restarted.flow.start();
    await settle();
    expect(restarted.flow.view.flow).toEqual({ kind: 'starting' });
    expect(restarted.calls.map((c) => c.body)).toEqual([{ token: session.token }]);
    await restarted.answer('me', {
      ok: true,
      value: {
        user: session.user,
        totp: { environmentEnabled: true, required: false, authenticators: [], recoveryCodesRemaining: 10 },
        session: { expiresAt: session.expiresAt },
      },
    });
    expect(restarted.flow.view.flow).toMatchObject({ kind: 'signedIn', username: 'ada', remembered: true });
  });

  it('under a policy that forbids keeping sessions (and trusted computers), deletes every kept session and never uses one', async () => {
    const credentials = memoryKeychain();
    credentials.entries.set('session@https://id.example.com', session.token);
    credentials.entries.set('session@https://old.example.com', 'tok_old');
    credentials.entries.set('username@https://id.example.com', 'ada');
    // With trusted computers allowed, the keychain would still be probed for their tokens.
    const t = setup({ credentials, allowKeepSignedIn: false, allowTrustedComputer: false });
    await t.flow.start();
    await settle();
    // Not restored: no /me call, the login form instead, with the option not offered.
    expect(t.calls).toEqual([]);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada', canKeepSignedIn: false });
    expect([...credentials.entries.keys()]).toEqual(['username@https://id.example.com']);
    // Deleting is the only thing it wrote: no probe entry.
    expect(credentials.writes.sort()).toEqual(['delete session@https://id.example.com', 'delete session@https://old.example.com']);
    expect(t.logs).toContain('deleted 2 kept session(s): policy does not allow keeping sessions');
  });

  it('shows the first view without waiting for the keychain probe, then says when nothing can be kept', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const credentials = memoryKeychain({ failWrites: true, holdWrites: held });
    const t = setup({ credentials });
    await t.flow.start();
    await settle();
    expect(credentials.writes).toEqual(['set probe']);
    expect(t.flow.view).toMatchObject({ flow: { kind: 'signIn', canKeepSignedIn: true }, notices: [] });
    expect(credentials.state).toEqual({ kind: 'unchecked' });
    release();
    await settle();
    // One account of it, with its cause and (on Linux) its fix: the notice, the log and Diagnostics' source.
    expect(credentials.state).toEqual({ kind: 'unavailable', cause: 'keyringRefused' });
    expect(t.flow.view).toMatchObject({ flow: { kind: 'signIn', canKeepSignedIn: false }, notices: ['keyringRefused'] });
    expect(t.logs).toContain('Keychain unavailable: the login keyring refused to store an entry (locked, or no Secret Service running); nothing new will be remembered');
  });

  it('probes a working keychain once and leaves nothing behind', async () => {
    const credentials = memoryKeychain();
    const t = setup({ credentials });
    await t.flow.start();
    await settle();
    expect(credentials.writes).toEqual(['set probe', 'delete probe']);
    expect(credentials.entries.size).toBe(0);
    expect(t.flow.view).toMatchObject({ flow: { kind: 'signIn', canKeepSignedIn: true }, notices: [] });
  });

  it('forgets a kept session the server no longer accepts', async () => {
    const t = setup();
    t.credentials.entries.set('session@https://id.example.com', 'old');
    void t.flow.start();
    await settle();
    await t.answer('me', apiError('unauthorized'));
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', problem: null });
    expect(t.credentials.entries.has('session@https://id.example.com')).toBe(false);
  });

  it('signs out: forgets the token and tells the server', async () => {
    const t = setup();
    t.credentials.entries.set('session@https://id.example.com', session.token);
    void t.flow.start();
    await settle();
    await t.answer('me', {
      ok: true,
      value: {
        user: session.user,
        totp: { environmentEnabled: true, required: false, authenticators: [], recoveryCodesRemaining: 10 },
        session: { expiresAt: session.expiresAt },
      },
    });
    void t.flow.handle({ type: 'signOut' });
    await settle();
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn', busy: true });
    expect(t.credentials.entries.has('session@https://id.example.com')).toBe(false);
    await t.answer('logout', { ok: true, value: null });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada' });
  });

  it('after a wrong code says how many attempts remain, and clears the input', async () => {
    const t = setup();
    await toCodeWindow(t);
    void t.flow.handle({ type: 'submitCode', code: '000000', trustComputer: false });
    await t.answer('verifyTotp', apiError('invalid_code', { attemptsRemaining: 4 }));
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', attempt: 1, busy: false, problem: { kind: 'wrongCode', attemptsRemaining: 4 } });
  });

  it('refuses codes during a lock-out until retryAfter has passed', async () => {
    const t = setup();
    await toCodeWindow(t);
    void t.flow.handle({ type: 'submitCode', code: '000000', trustComputer: false });
    await t.answer('verifyTotp', apiError('too_many_attempts', { retryAfter: 30 }));
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', problem: { kind: 'locked', retryAt: NOW + 30_000, reason: null } });
    await t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    expect(t.calls).toEqual([]);
    t.advance(30_000);
    void t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    expect(t.calls.map((c) => c.method)).toEqual(['verifyTotp']);
  });

  it('refuses a code once the challenge has expired, without asking the server', async () => {
    const t = setup();
    await toCodeWindow(t);
    t.advance(5 * 60_000);
    await t.flow.handle({ type: 'submitCode', code: '123456', trustComputer: false });
    expect(t.calls).toEqual([]);
    expect(t.flow.view.flow).toMatchObject({ kind: 'code', problem: { kind: 'challengeExpired' } });
    await t.flow.handle({ type: 'startAgain' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada' });
  });

  it('takes a recovery code instead', async () => {
    const t = setup();
    await toCodeWindow(t);
    await t.flow.handle({ type: 'submitRecoveryCode', recoveryCode: 'abcd-efgh', trustComputer: false });
    expect(t.calls).toEqual([]);
    await t.flow.handle({ type: 'chooseMethod', method: 'recovery_code' });
    void t.flow.handle({ type: 'submitRecoveryCode', recoveryCode: ' abcd-efgh\n', trustComputer: false });
    expect(t.calls.map((c) => c.body)).toEqual([{ challengeId: 'ch_1', recoveryCode: 'abcd-efgh' }]);
    await t.answer('verifyRecoveryCode', { ok: true, value: { status: 'authenticated', session, recoveryCodesRemaining: 9 } });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signedIn' });
  });

  /** Signs ada in with the password to an account that must first set up an authenticator. */
  const reachEnrollment = async (t: ReturnType<typeof setup>, enrollmentUrl = 'https://id.example.com/enroll') => {
    await t.flow.start();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', { ok: true, value: { status: 'enrollment_required', enrollmentUrl, enrollmentSession: session } });
  };

  it('carries the enrollment session over to the browser’s set-up page with a one-time hand-off', async () => {
    const t = setup();
    await reachEnrollment(t);
    expect(t.flow.view.flow).toMatchObject({ kind: 'enrollmentNeeded', username: 'ada' });
    expect(t.flow.view.flow).toMatchObject({ browser: 'notOpened', enrollmentUrl: 'https://id.example.com/enroll' });
    // The view never carries the session.
    expect(JSON.stringify(t.flow.view)).not.toContain(session.token);
    const opening = t.flow.handle({ type: 'openEnrollment' });
    await settle();
    expect(t.calls.map((c) => [c.method, c.body])).toEqual([['handoff', { token: session.token, next: '/enroll' }]]);
    await t.answer('handoff', { ok: true, value: handoff });
    await opening;
    expect(t.opened).toEqual([handoff.url]);
    expect(t.logs.join('\n')).not.toContain('sgh_');
    expect(t.flow.view.flow).toMatchObject({ kind: 'enrollmentNeeded', browser: 'opened' });
    await t.flow.handle({ type: 'startAgain' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada' });
  });

  it('opens the plain set-up page when no hand-off can be had, and the app’s other steps go on', async () => {
    const t = setup();
    await reachEnrollment(t);
    const opening = t.flow.handle({ type: 'openEnrollment' });
    await t.answer('handoff', apiError('unauthorized'));
    await opening;
    expect(t.opened).toEqual(['https://id.example.com/enroll']);
    expect(t.flow.view.flow).toMatchObject({ kind: 'enrollmentNeeded', browser: 'opened' });
  });

  it('says so when no browser could be opened for the enrollment page', async () => {
    const t = setup({
      openExternal: async () => {
        throw new Error('no browser');
      },
    });
    await reachEnrollment(t);
    const opening = t.flow.handle({ type: 'openEnrollment' });
    await t.answer('handoff', { ok: true, value: handoff });
    await opening;
    expect(t.flow.view.flow).toMatchObject({ kind: 'enrollmentNeeded', browser: 'failed' });
  });

  it('opens the help page policy names, else the server’s own', async () => {
    const own = setup();
    await own.flow.start();
    await own.flow.handle({ type: 'openHelp' });
    expect(own.opened).toEqual(['https://id.example.com/help']);
    const named = setup({ helpUrl: 'https://desk.example.org/authenticator' });
    await named.flow.start();
    await named.flow.handle({ type: 'openHelp' });
    expect(named.opened).toEqual(['https://desk.example.org/authenticator']);
  });

  it('says "signed out" on the login form after signing out, until the person moves on', async () => {
    const t = setup();
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    void t.flow.handle({ type: 'signOut' });
    await settle();
    await t.answer('logout', { ok: true, value: null });
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', username: 'ada', signedOut: 'confirmed' });
    expect(t.flow.view.app).toEqual({ language: 'en', version: '1.2.3' });
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', failed());
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: null });
  });

  it('refuses to open an enrollment page elsewhere', async () => {
    const t = setup();
    await reachEnrollment(t, 'https://phish.example/enroll');
    const opening = t.flow.handle({ type: 'openEnrollment' });
    await t.answer('handoff', failed());
    await opening;
    expect(t.opened).toEqual([]);
    expect(t.logs.join()).toContain('refused');
  });

  it('opens the settings page from the signed-in view', async () => {
    const t = setup();
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    const opening = t.flow.handle({ type: 'openSettings' });
    await t.answer('handoff', { ok: true, value: handoff });
    await opening;
    expect(t.opened).toEqual([handoff.url]);
    const again = t.flow.handle({ type: 'openSettings' });
    await t.answer('handoff', failed());
    await again;
    expect(t.opened).toEqual([handoff.url, 'https://id.example.com/settings']);
  });

  it('opens no hand-off the server sends for another origin', async () => {
    const t = setup();
    await t.flow.start();
    await settle();
    void t.flow.handle({ type: 'submitCredentials', username: 'ada', password: 'pw', keepSignedIn: false });
    await t.answer('login', { ok: true, value: { status: 'authenticated', session } });
    const opening = t.flow.handle({ type: 'openSettings' });
    await t.answer('handoff', { ok: true, value: { ...handoff, url: 'https://phish.example/handoff#sgh_x' } });
    await opening;
    expect(t.opened).toEqual([]);
  });

  it('asks for the server at first start, checks it, and saves it', async () => {
    const saved: string[] = [];
    const t = setup({ server: null, saveServerUrl: async (url) => void saved.push(url) });
    await t.flow.start();
    expect(t.flow.view.flow).toEqual({ kind: 'serverPrompt', address: '', busy: false, problem: null });
    await t.flow.handle({ type: 'setServer', address: 'http://id.example.com' });
    expect(t.flow.view.flow).toMatchObject({ kind: 'serverPrompt', problem: { kind: 'invalidServerAddress', reason: 'notHttps' } });
    await t.flow.handle({ type: 'setServer', address: 'id.example.com' });
    expect(saved).toEqual(['https://id.example.com']);
    expect(t.flow.view.flow).toMatchObject({ kind: 'signIn', server: { url: 'https://id.example.com', name: 'Acme', locked: false } });
  });

  it('never logs a password, code or token', async () => {
    const t = setup();
    await toCodeWindow(t, true);
    void t.flow.handle({ type: 'submitCode', code: '654321', trustComputer: false });
    await t.answer('verifyTotp', failed());
    expect(t.logs.join('\n')).not.toMatch(/pw|654321|tok_/);
  });
});

function failed(): ApiResult<never> {
  return { ok: false, failure: { kind: 'timeout' } };
}
