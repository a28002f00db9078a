import { describe, expect, it } from 'vitest';
import type { FlowEvent } from '../../../../electron/signin/events.js';
import { challengeIsOver } from '../../../../electron/signin/state.js';
import { transition } from '../../../../electron/signin/transition.js';
import {
  allStates,
  apiChallenge,
  apiError,
  awaitingBrowser,
  codeRequired,
  enrollmentNeeded,
  failed,
  finishingBrowserSignIn,
  idle,
  NOW,
  provider,
  server,
  session,
  signedIn,
  submittingCode,
  submittingCredentials,
} from './fixtures.js';

/** Every state other than `allowed` must ignore the event: that is what drops late and doubled answers. */
function expectIgnoredOutside(event: FlowEvent, allowed: readonly string[]): void {
  for (const state of allStates) {
    if (allowed.includes(state.kind)) continue;
    expect(transition(state, event), `${event.type} in ${state.kind}`).toBe(state);
  }
}

describe('transition: start and server', () => {
  it('asks for the server address when none is configured', () => {
    expect(transition({ kind: 'starting' }, { type: 'started', server: null, username: '', hasStoredSession: false })).toEqual({
      kind: 'serverPrompt',
      address: '',
      problem: null,
    });
  });

  it('shows sign-in with the last username, or restores a kept session', () => {
    expect(transition({ kind: 'starting' }, { type: 'started', server, username: 'ada', hasStoredSession: false })).toEqual(idle);
    expect(transition({ kind: 'starting' }, { type: 'started', server, username: 'ada', hasStoredSession: true })).toEqual({
      kind: 'restoring',
      server,
      username: 'ada',
    });
    expectIgnoredOutside({ type: 'started', server, username: '', hasStoredSession: false }, ['starting']);
  });

  it('says the server is unreachable on the login form when nothing else is said', () => {
    const event: FlowEvent = { type: 'serverInfoFailed', url: server.url, problem: { kind: 'unreachable' } };
    expect(transition(idle, event)).toEqual({ ...idle, problem: { kind: 'unreachable' } });
    const withProblem = { ...idle, problem: { kind: 'invalidCredentials' } as const };
    expect(transition(withProblem, event)).toBe(withProblem);
    expectIgnoredOutside(event, ['idle']);
  });

  it('checks a typed server address and then shows sign-in', () => {
    const prompt = { kind: 'serverPrompt', address: '', problem: null } as const;
    const checking = transition(prompt, { type: 'serverSubmitted', address: 'id.example.com', url: server.url });
    expect(checking).toEqual({ kind: 'checkingServer', address: 'id.example.com', url: server.url });
    expect(transition(checking, { type: 'serverAccepted', server })).toEqual({ ...idle, username: '' });
    expect(transition(checking, { type: 'serverAccepted', server: { ...server, url: 'https://other.example' } })).toBe(checking);
    expect(transition(checking, { type: 'serverAddressRejected', address: 'id.example.com', problem: { kind: 'unreachable' } })).toEqual({
      kind: 'serverPrompt',
      address: 'id.example.com',
      problem: { kind: 'unreachable' },
    });
    expect(transition(checking, { type: 'cancelled' })).toEqual({ kind: 'serverPrompt', address: 'id.example.com', problem: null });
    expectIgnoredOutside({ type: 'serverSubmitted', address: 'a', url: 'https://a' }, ['serverPrompt']);
    expectIgnoredOutside({ type: 'serverAccepted', server }, ['checkingServer']);
  });

  it('lets the person change the server unless policy locks it', () => {
    expect(transition(idle, { type: 'changeServerRequested' })).toEqual({ kind: 'serverPrompt', address: server.url, problem: null });
    const locked = { ...idle, server: { ...server, locked: true } };
    expect(transition(locked, { type: 'changeServerRequested' })).toBe(locked);
    expectIgnoredOutside({ type: 'changeServerRequested' }, ['idle']);
  });
});

describe('transition: password step', () => {
  it('submits from the login form only', () => {
    expect(transition(idle, { type: 'credentialsSubmitted', username: 'ada', keepSignedIn: true })).toEqual(submittingCredentials);
    expectIgnoredOutside({ type: 'credentialsSubmitted', username: 'ada', keepSignedIn: false }, ['idle']);
  });

  it('signs in directly when the server needs no code', () => {
    const next = transition(submittingCredentials, { type: 'loginAnswered', result: { ok: true, value: { status: 'authenticated', session } }, now: NOW });
    expect(next).toEqual({ ...signedIn, remembered: false });
  });

  it('signs in without a code when this computer’s trust let the password through, and keeps when it ends', () => {
    const expiresAt = new Date(NOW + 7 * 86_400_000).toISOString();
    const next = transition(submittingCredentials, {
      type: 'loginAnswered',
      result: { ok: true, value: { status: 'authenticated', session, trustedComputer: { id: 'tc1', name: 'Linux - build-07', expiresAt } } },
      now: NOW,
    });
    expect(next).toEqual({ ...signedIn, trustedComputer: { until: NOW + 7 * 86_400_000, codeSkipped: true } });
  });

  it('asks for the code with the challenge the server gave', () => {
    const next = transition(submittingCredentials, {
      type: 'loginAnswered',
      result: { ok: true, value: { status: 'totp_required', challenge: apiChallenge } },
      now: NOW,
    });
    expect(next).toEqual(codeRequired);
  });

  it('starts with recovery codes when those are the only method offered', () => {
    const next = transition(submittingCredentials, {
      type: 'loginAnswered',
      result: { ok: true, value: { status: 'totp_required', challenge: { ...apiChallenge, methods: ['recovery_code'] } } },
      now: NOW,
    });
    expect(next).toMatchObject({ kind: 'codeRequired', method: 'recovery_code' });
  });

  it('sends enrollment to the browser, keeping the enrollment session only for the hand-off, never in the view', () => {
    const next = transition(submittingCredentials, {
      type: 'loginAnswered',
      result: { ok: true, value: { status: 'enrollment_required', enrollmentUrl: enrollmentNeeded.enrollmentUrl, enrollmentSession: session } },
      now: NOW,
    });
    expect(next).toEqual({ ...enrollmentNeeded, enrollmentToken: session.token });
    // Back to the password: the enrollment session goes with the step.
    expect(JSON.stringify(transition(next, { type: 'startedAgain' }))).not.toContain(session.token);
  });

  it.each([
    ['invalid_credentials', {}, { kind: 'invalidCredentials' }],
    ['too_many_attempts', { retryAfter: 90 }, { kind: 'locked', retryAt: NOW + 90_000, reason: null }],
    ['invalid_request', {}, { kind: 'invalidRequest' }],
    ['forbidden', {}, { kind: 'forbidden' }],
    ['not_found', {}, { kind: 'notFound' }],
    ['internal_error', {}, { kind: 'serverError' }],
  ] as const)('returns to the form with %s said inline', (code, extra, problem) => {
    const next = transition(submittingCredentials, { type: 'loginAnswered', result: apiError(code, extra), now: NOW });
    expect(next).toEqual({ ...idle, keepSignedIn: true, problem });
  });

  it.each(['unreachable', 'timeout', 'tls'] as const)('says %s distinctly', (kind) => {
    const next = transition(submittingCredentials, { type: 'loginAnswered', result: failed({ kind }), now: NOW });
    expect(next).toMatchObject({ kind: 'idle', problem: { kind } });
  });

  it('says an answer it cannot read is unexpected', () => {
    const next = transition(submittingCredentials, { type: 'loginAnswered', result: failed({ kind: 'unexpected', detail: 'x' }), now: NOW });
    expect(next).toMatchObject({ kind: 'idle', problem: { kind: 'unexpected' } });
  });

  it('drops a login answer that arrives after cancel', () => {
    const cancelled = transition(submittingCredentials, { type: 'cancelled' });
    expect(cancelled).toEqual({ ...idle, keepSignedIn: true });
    const late = transition(cancelled, { type: 'loginAnswered', result: { ok: true, value: { status: 'authenticated', session } }, now: NOW });
    expect(late).toBe(cancelled);
    expectIgnoredOutside({ type: 'loginAnswered', result: failed({ kind: 'timeout' }), now: NOW }, ['submittingCredentials']);
  });
});

describe('transition: code step', () => {
  it('submits a code and signs in on success', () => {
    expect(transition(codeRequired, { type: 'codeSubmitted' })).toEqual(submittingCode);
    const next = transition(submittingCode, { type: 'codeAnswered', result: { ok: true, value: { status: 'authenticated', session } }, now: NOW });
    expect(next).toEqual(signedIn);
    expectIgnoredOutside({ type: 'codeSubmitted' }, ['codeRequired']);
  });

  it('signs in with a recovery code', () => {
    const next = transition(
      { ...submittingCode, method: 'recovery_code' },
      { type: 'codeAnswered', result: { ok: true, value: { status: 'authenticated', session, recoveryCodesRemaining: 9 } }, now: NOW },
    );
    expect(next).toEqual({ ...signedIn, recoveryCodesRemaining: 9 });
  });

  it('after a wrong code asks again, counts the attempt and says how many remain', () => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('invalid_code', { attemptsRemaining: 2 }), now: NOW });
    expect(next).toEqual({ ...codeRequired, attempt: 1, problem: { kind: 'wrongCode', attemptsRemaining: 2, reason: 'incorrect' } });
    expect(challengeIsOver({ kind: 'wrongCode', attemptsRemaining: 2, reason: 'incorrect' })).toBe(false);
  });

  it.each([
    ['already_used', 'already_used'],
    ['clock_skew', 'clock_skew'],
    // A reason this version does not know yet reads as a plain wrong code.
    ['a-future-reason', 'incorrect'],
  ] as const)('keeps why the server refused the code (%s)', (reason, expected) => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('invalid_code', { attemptsRemaining: 3, reason }), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', problem: { kind: 'wrongCode', attemptsRemaining: 3, reason: expected } });
  });

  it('measures this computer’s clock against the Date of the server’s answers', () => {
    const asked = transition(submittingCredentials, {
      type: 'loginAnswered',
      result: { ok: true, value: { status: 'totp_required', challenge: apiChallenge }, serverDate: NOW - 5 * 60_000 },
      now: NOW,
    });
    expect(asked).toMatchObject({ kind: 'codeRequired', clockOffset: 5 * 60_000 });
    if (asked.kind !== 'codeRequired') throw new Error(asked.kind);
    // A later answer measures again; one without a Date keeps the last measurement.
    const again = transition({ ...asked, kind: 'submittingCode' }, { type: 'codeAnswered', result: { ...apiError('invalid_code'), serverDate: NOW - 2_000 }, now: NOW });
    expect(again).toMatchObject({ clockOffset: 2_000 });
    const kept = transition({ ...asked, kind: 'submittingCode' }, { type: 'codeAnswered', result: failed({ kind: 'timeout' }), now: NOW });
    expect(kept).toMatchObject({ clockOffset: 5 * 60_000 });
  });

  it('ends the challenge when no attempts remain', () => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('invalid_code', { attemptsRemaining: 0 }), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', problem: { kind: 'wrongCode', attemptsRemaining: 0, reason: 'incorrect' } });
    expect(next.kind === 'codeRequired' && challengeIsOver(next.problem)).toBe(true);
  });

  it('says an expired challenge is over', () => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('challenge_expired'), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', problem: { kind: 'challengeExpired' } });
    expect(challengeIsOver({ kind: 'challengeExpired' })).toBe(true);
  });

  it('locks with the server’s retryAfter', () => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('too_many_attempts', { retryAfter: 30 }), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', attempt: 1, problem: { kind: 'locked', retryAt: NOW + 30_000, reason: null } });
  });

  it('keeps the cause of the refused code that started a lock-out', () => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError('too_many_attempts', { retryAfter: 30, reason: 'clock_skew' }), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', problem: { kind: 'locked', retryAt: NOW + 30_000, reason: 'clock_skew' } });
  });

  it('tells a refused recovery code as one, and ends the challenge when it had the last attempt', () => {
    const recovery = { ...submittingCode, method: 'recovery_code' } as const;
    const used = transition(recovery, { type: 'codeAnswered', result: apiError('invalid_code', { attemptsRemaining: 3, reason: 'already_used' }), now: NOW });
    expect(used).toMatchObject({ kind: 'codeRequired', problem: { kind: 'wrongRecoveryCode', attemptsRemaining: 3, reason: 'already_used' } });
    const last = transition(recovery, { type: 'codeAnswered', result: apiError('invalid_code', { attemptsRemaining: 0 }), now: NOW });
    expect(last).toMatchObject({ problem: { kind: 'wrongRecoveryCode', attemptsRemaining: 0, reason: 'incorrect' } });
    expect(last.kind === 'codeRequired' && challengeIsOver(last.problem)).toBe(true);
  });

  it.each(['unreachable', 'timeout', 'tls'] as const)('stays on the code window when %s', (kind) => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: failed({ kind }), now: NOW });
    expect(next).toMatchObject({ kind: 'codeRequired', problem: { kind } });
  });

  it.each([
    ['totp_disabled', 'totpDisabled'],
    ['unauthorized', 'sessionEnded'],
    ['forbidden', 'forbidden'],
    ['not_found', 'notFound'],
  ] as const)('returns to the password on %s', (code, kind) => {
    const next = transition(submittingCode, { type: 'codeAnswered', result: apiError(code), now: NOW });
    expect(next).toEqual({ ...idle, keepSignedIn: true, problem: { kind } });
  });

  it('drops a code answer that arrives after cancel', () => {
    const cancelled = transition(submittingCode, { type: 'cancelled' });
    expect(cancelled).toEqual({ ...idle, keepSignedIn: true });
    expect(transition(cancelled, { type: 'codeAnswered', result: { ok: true, value: { status: 'authenticated', session } }, now: NOW })).toBe(
      cancelled,
    );
    expectIgnoredOutside({ type: 'codeAnswered', result: failed({ kind: 'timeout' }), now: NOW }, ['submittingCode']);
  });

  it('switches between authenticator and recovery codes, keeping only a lock-out', () => {
    const wrong = { ...codeRequired, problem: { kind: 'wrongCode', attemptsRemaining: 3, reason: 'incorrect' } } as const;
    expect(transition(wrong, { type: 'methodChosen', method: 'recovery_code' })).toEqual({
      ...codeRequired,
      method: 'recovery_code',
      problem: null,
      attempt: 1,
    });
    const locked = { ...codeRequired, problem: { kind: 'locked', retryAt: NOW + 1000, reason: null } } as const;
    expect(transition(locked, { type: 'methodChosen', method: 'recovery_code' })).toMatchObject({ problem: locked.problem });
    const totpOnly = { ...codeRequired, challenge: { ...codeRequired.challenge, methods: ['totp'] as const } };
    expect(transition(totpOnly, { type: 'methodChosen', method: 'recovery_code' })).toBe(totpOnly);
    const over = { ...codeRequired, problem: { kind: 'challengeExpired' } } as const;
    expect(transition(over, { type: 'methodChosen', method: 'recovery_code' })).toBe(over);
    expectIgnoredOutside({ type: 'methodChosen', method: 'totp' }, ['codeRequired']);
  });

  it('refuses locally, e.g. a code for a challenge past its expiry', () => {
    expect(transition(codeRequired, { type: 'codeRefusedLocally', problem: { kind: 'challengeExpired' } })).toEqual({
      ...codeRequired,
      problem: { kind: 'challengeExpired' },
    });
    expectIgnoredOutside({ type: 'codeRefusedLocally', problem: { kind: 'challengeExpired' } }, ['codeRequired']);
  });

  it('starts again with the password, keeping the username', () => {
    expect(transition(codeRequired, { type: 'startedAgain' })).toEqual(idle);
    expect(transition(enrollmentNeeded, { type: 'startedAgain' })).toEqual(idle);
    expectIgnoredOutside({ type: 'startedAgain' }, ['codeRequired', 'enrollmentNeeded']);
  });

  it('cancels from every waiting state back to the login form', () => {
    expect(transition(codeRequired, { type: 'cancelled' })).toEqual({ ...idle, keepSignedIn: true });
    expect(transition(enrollmentNeeded, { type: 'cancelled' })).toEqual(idle);
    expectIgnoredOutside({ type: 'cancelled' }, ['submittingCredentials', 'codeRequired', 'submittingCode', 'enrollmentNeeded', 'checkingServer', 'awaitingBrowser']);
  });
});

describe('transition: sign-in in the browser', () => {
  const started: FlowEvent = { type: 'browserSignInStarted', provider, keepSignedIn: true };

  it('waits for the browser from the login form only, keeping the username and "Keep me signed in"', () => {
    expect(transition(idle, started)).toEqual(awaitingBrowser);
    expectIgnoredOutside(started, ['idle']);
  });

  it('finishes with the result code once the browser is back, and signs in without any code step', () => {
    const finishing = transition(awaitingBrowser, { type: 'browserReturned' });
    expect(finishing).toEqual(finishingBrowserSignIn);
    expectIgnoredOutside({ type: 'browserReturned' }, ['awaitingBrowser']);
    const exchanged: FlowEvent = { type: 'browserSignInExchanged', result: { ok: true, value: { status: 'authenticated', session } }, now: NOW };
    expect(transition(finishing, exchanged)).toEqual({ ...signedIn, remembered: false });
    expectIgnoredOutside(exchanged, ['finishingBrowserSignIn']);
  });

  it('comes back to the form with the named problem and the provider to focus, from waiting or finishing', () => {
    const problem = { kind: 'ssoCancelled' } as const;
    const failedEvent: FlowEvent = { type: 'browserSignInFailed', problem };
    const back = { ...idle, keepSignedIn: true, problem, lastProvider: provider.id };
    expect(transition(awaitingBrowser, failedEvent)).toEqual(back);
    expect(transition(finishingBrowserSignIn, failedEvent)).toEqual(back);
    expectIgnoredOutside(failedEvent, ['awaitingBrowser', 'finishingBrowserSignIn']);
  });

  it('words a refused result code as the exchange named it', () => {
    const refused: FlowEvent = { type: 'browserSignInExchanged', result: apiError('sso_not_allowed', { reason: 'disabled' }), now: NOW };
    expect(transition(finishingBrowserSignIn, refused)).toMatchObject({ kind: 'idle', problem: { kind: 'ssoNotAllowed', reason: 'disabled' }, lastProvider: provider.id });
    const spent: FlowEvent = { type: 'browserSignInExchanged', result: apiError('sso_result_invalid'), now: NOW };
    expect(transition(finishingBrowserSignIn, spent)).toMatchObject({ kind: 'idle', problem: { kind: 'ssoResultInvalid' } });
    const slow: FlowEvent = { type: 'browserSignInExchanged', result: failed({ kind: 'timeout' }), now: NOW };
    expect(transition(finishingBrowserSignIn, slow)).toMatchObject({ kind: 'idle', problem: { kind: 'timeout' } });
  });

  it('cancels while waiting for the browser, but not while the result code is with the server', () => {
    expect(transition(awaitingBrowser, { type: 'cancelled' })).toEqual({ ...idle, keepSignedIn: true, lastProvider: provider.id });
    expect(transition(finishingBrowserSignIn, { type: 'cancelled' })).toBe(finishingBrowserSignIn);
  });

  it('tells a password sign-in that must use the provider so, on the form', () => {
    const answer: FlowEvent = { type: 'loginAnswered', result: apiError('sso_required'), now: NOW };
    expect(transition(submittingCredentials, answer)).toEqual({ ...idle, keepSignedIn: true, problem: { kind: 'ssoRequired' } });
  });

  it('clears a problem that only said the server could not be asked, once the server has answered', () => {
    const loaded: FlowEvent = { type: 'serverInfoLoaded', url: server.url };
    expect(transition({ ...idle, problem: { kind: 'unreachable' } }, loaded)).toEqual(idle);
    const wrongPassword = { ...idle, problem: { kind: 'invalidCredentials' } as const };
    expect(transition(wrongPassword, loaded)).toBe(wrongPassword);
    expect(transition({ ...idle, problem: { kind: 'unreachable' } }, { type: 'serverInfoLoaded', url: 'https://other.example' })).toMatchObject({
      problem: { kind: 'unreachable' },
    });
    expectIgnoredOutside(loaded, ['idle']);
  });
});

describe('transition: kept sessions and sign-out', () => {
  const restoring = { kind: 'restoring', server, username: 'ada' } as const;
  const me = {
    user: session.user,
    totp: { environmentEnabled: true, required: false, authenticators: [], recoveryCodesRemaining: 10 },
    session: { expiresAt: session.expiresAt },
  };

  it('restores a kept session the server still accepts', () => {
    expect(transition(restoring, { type: 'restoreAnswered', token: 'tok_secret', result: { ok: true, value: me }, now: NOW })).toEqual({
      ...signedIn,
      remembered: true,
    });
  });

  it('falls back to sign-in quietly when the kept session has ended', () => {
    expect(transition(restoring, { type: 'restoreAnswered', token: 't', result: apiError('unauthorized'), now: NOW })).toEqual(idle);
  });

  it('falls back to sign-in saying why when the server cannot be reached', () => {
    expect(transition(restoring, { type: 'restoreAnswered', token: 't', result: failed({ kind: 'unreachable' }), now: NOW })).toEqual({
      ...idle,
      problem: { kind: 'unreachable' },
    });
    expectIgnoredOutside({ type: 'restoreAnswered', token: 't', result: failed({ kind: 'timeout' }), now: NOW }, ['restoring']);
  });

  it('records whether the session was kept', () => {
    expect(transition(signedIn, { type: 'sessionStored', stored: true })).toEqual({ ...signedIn, remembered: true });
    expectIgnoredOutside({ type: 'sessionStored', stored: true }, ['signedIn']);
  });

  it('records until when this computer is trusted once the keychain has kept its token', () => {
    expect(transition(signedIn, { type: 'trustedComputerKept', until: NOW + 86_400_000 })).toEqual({
      ...signedIn,
      trustedComputer: { until: NOW + 86_400_000, codeSkipped: false },
    });
    expectIgnoredOutside({ type: 'trustedComputerKept', until: NOW }, ['signedIn']);
  });

  it('signs out to the login form with the username kept', () => {
    const signingOut = transition(signedIn, { type: 'signOutRequested' });
    expect(signingOut).toEqual({ ...signedIn, kind: 'signingOut' });
    expect(transition(signingOut, { type: 'signedOut', confirmed: true })).toEqual({ ...idle, signedOut: 'confirmed' });
    expect(transition(signingOut, { type: 'signedOut', confirmed: false })).toEqual({ ...idle, signedOut: 'unconfirmed' });
    expectIgnoredOutside({ type: 'signOutRequested' }, ['signedIn']);
    expectIgnoredOutside({ type: 'signedOut', confirmed: true }, ['signingOut']);
  });

  it('says on the login form when the server has since ended a session it could not be told about', () => {
    const unconfirmed = { ...idle, signedOut: 'unconfirmed' } as const;
    const event = { type: 'earlierSignOutConfirmed', serverUrl: idle.server.url } as const;
    expect(transition(unconfirmed, event)).toEqual({ ...idle, signedOut: 'confirmedLater' });
    // Another server's sign-out, or a form that no longer speaks of one, says nothing new.
    expect(transition(unconfirmed, { ...event, serverUrl: 'https://other.example.com' })).toBe(unconfirmed);
    expect(transition(idle, event)).toBe(idle);
    expectIgnoredOutside(event, []);
  });
});
