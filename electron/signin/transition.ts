/**
 * The flow's rules: the next state as a pure function of (state, event). An event that does not
 * fit the current state (a late answer, a double click) leaves the state unchanged, which is
 * what drops replies that arrive after Cancel.
 */
import { challengeDeadline } from '../../shared/api/challenge-deadline.js';
import type { Static } from 'typebox';
import type { AuthenticatedResponse, Challenge, LoginResponse } from '../../shared/api/schemas.js';
import { problemForMethod } from '../../shared/ipc/code-problem.js';
import type { Problem } from '../../shared/ipc/problem.js';
import type { SignOutOutcome, TrustedComputerNote } from '../../shared/ipc/view.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { FlowEvent } from './events.js';
import { problemFromFailure } from './problem-from-failure.js';
import { challengeIsOver, clockOffsetOf, type PendingChallenge, type Server, type SignInState, type StateOf } from './state.js';

const idle = (
  server: Server,
  username: string,
  problem: Problem | null = null,
  keepSignedIn = false,
  signedOut: SignOutOutcome | null = null,
  lastProvider: string | null = null,
): SignInState => ({
  kind: 'idle',
  server,
  username,
  keepSignedIn,
  problem,
  signedOut,
  lastProvider,
});

/** Back to the login form after a browser sign-in, with focus for the provider's button again. */
const idleAfterBrowser = (state: StateOf<'awaitingBrowser'> | StateOf<'finishingBrowserSignIn'>, problem: Problem | null): SignInState =>
  idle(state.server, state.username, problem, state.keepSignedIn, null, state.provider.id);

/** Problems that say only that the server could not be asked, which a later answer from it makes stale. */
const TRANSPORT_PROBLEMS: ReadonlySet<Problem['kind']> = new Set(['unreachable', 'proxyAuth', 'timeout', 'tls', 'unexpected', 'serverError']);

function pendingChallenge(challenge: Static<typeof Challenge>, receivedAt: number): PendingChallenge {
  return {
    id: challenge.id,
    expiresAt: challengeDeadline(challenge, receivedAt),
    methods: challenge.methods.length > 0 ? challenge.methods : ['totp'],
    digits: challenge.digits,
    // A server that does not say offers no trusted computers.
    trustedComputerDays: challenge.trustedComputerDays ?? 0,
  };
}

/** An ISO time as epoch milliseconds; `fallback` for one that does not parse (the schema has checked its format). */
function epochMs(iso: string, fallback: number): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : fallback;
}

function signedIn(
  from: { readonly server: Server; readonly username: string },
  session: Static<typeof AuthenticatedResponse>['session'],
  now: number,
  details: { readonly recoveryCodesRemaining?: number | null; readonly trustedComputer?: TrustedComputerNote | null } = {},
): SignInState {
  return {
    kind: 'signedIn',
    server: from.server,
    username: session.user.username,
    displayName: session.user.displayName,
    token: session.token,
    expiresAt: epochMs(session.expiresAt, now),
    remembered: false,
    recoveryCodesRemaining: details.recoveryCodesRemaining ?? null,
    trustedComputer: details.trustedComputer ?? null,
    problem: null,
  };
}

function afterLogin(state: StateOf<'submittingCredentials'>, result: Static<typeof LoginResponse>, now: number, clockOffset: number | null): SignInState {
  switch (result.status) {
    case 'authenticated':
      // With `trustedComputer`, the token this computer sent let the password through without a code.
      return signedIn(state, result.session, now, {
        trustedComputer: result.trustedComputer === undefined ? null : { until: epochMs(result.trustedComputer.expiresAt, now), codeSkipped: true },
      });
    case 'totp_required': {
      const challenge = pendingChallenge(result.challenge, now);
      return {
        kind: 'codeRequired',
        server: state.server,
        username: state.username,
        keepSignedIn: state.keepSignedIn,
        challenge,
        method: challenge.methods.includes('totp') ? 'totp' : 'recovery_code',
        attempt: 0,
        problem: null,
        clockOffset,
      };
    }
    case 'enrollment_required':
      // Set-up happens in the browser: the enrollment session is kept in memory only to hand it over there.
      return {
        kind: 'enrollmentNeeded',
        server: state.server,
        username: state.username,
        enrollmentUrl: result.enrollmentUrl,
        browser: 'notOpened',
        enrollmentToken: result.enrollmentSession.token,
      };
    default:
      return assertNever(result);
  }
}

function afterCode(
  state: StateOf<'submittingCode'>,
  event: Extract<FlowEvent, { type: 'codeAnswered' }>,
): SignInState {
  if (event.result.ok) {
    const answer = event.result.value;
    return signedIn(state, answer.session, event.now, { recoveryCodesRemaining: 'recoveryCodesRemaining' in answer ? answer.recoveryCodesRemaining : null });
  }
  const problem = problemForMethod(problemFromFailure(event.result.failure, event.now), state.method);
  switch (problem.kind) {
    // The challenge is gone or the account may not continue: back to the password. (SSO problems come
    // from the SSO routes, never from a code; if one came, the code step could not go on either.)
    case 'sessionEnded':
    case 'totpDisabled':
    case 'forbidden':
    case 'notFound':
    case 'invalidCredentials':
    case 'ssoRequired':
    case 'ssoCancelled':
    case 'ssoExpired':
    case 'ssoStateInvalid':
    case 'ssoProviderError':
    case 'ssoTokenInvalid':
    case 'ssoUnknownUser':
    case 'ssoAccountConflict':
    case 'ssoLinkRequired':
    case 'ssoNotAllowed':
    case 'ssoResultInvalid':
    case 'ssoBrowserFailed':
    case 'ssoStartRefused':
      return idle(state.server, state.username, problem, state.keepSignedIn);
    case 'wrongCode':
    case 'wrongRecoveryCode':
    case 'challengeExpired':
    case 'locked':
    case 'invalidRequest':
    case 'unreachable':
    case 'proxyAuth':
    case 'timeout':
    case 'tls':
    case 'unexpected':
    case 'serverError':
    case 'invalidServerAddress':
      return { ...state, kind: 'codeRequired', attempt: state.attempt + 1, problem, clockOffset: clockOffsetOf(event.result, event.now) ?? state.clockOffset };
    default:
      return assertNever(problem);
  }
}

export function transition(state: SignInState, event: FlowEvent): SignInState {
  switch (event.type) {
    case 'started':
      if (state.kind !== 'starting') return state;
      if (event.server === null) return { kind: 'serverPrompt', address: '', problem: null };
      return event.hasStoredSession
        ? { kind: 'restoring', server: event.server, username: event.username }
        : idle(event.server, event.username);

    case 'serverInfoFailed':
      // Only worth saying on the login form, and only if nothing more specific is shown.
      return state.kind === 'idle' && state.server.url === event.url && state.problem === null
        ? { ...state, problem: event.problem }
        : state;

    case 'serverInfoLoaded':
      return state.kind === 'idle' && state.server.url === event.url && state.problem !== null && TRANSPORT_PROBLEMS.has(state.problem.kind)
        ? { ...state, problem: null }
        : state;

    case 'serverSubmitted':
      return state.kind === 'serverPrompt' ? { kind: 'checkingServer', address: event.address, url: event.url } : state;

    case 'serverAddressRejected':
      return state.kind === 'serverPrompt' || state.kind === 'checkingServer'
        ? { kind: 'serverPrompt', address: event.address, problem: event.problem }
        : state;

    case 'serverAccepted':
      return state.kind === 'checkingServer' && state.url === event.server.url ? idle(event.server, '') : state;

    case 'changeServerRequested':
      return state.kind === 'idle' && !state.server.locked ? { kind: 'serverPrompt', address: state.server.url, problem: null } : state;

    case 'credentialsSubmitted':
      return state.kind === 'idle'
        ? { kind: 'submittingCredentials', server: state.server, username: event.username, keepSignedIn: event.keepSignedIn }
        : state;

    case 'loginAnswered':
      if (state.kind !== 'submittingCredentials') return state;
      return event.result.ok
        ? afterLogin(state, event.result.value, event.now, clockOffsetOf(event.result, event.now))
        : idle(state.server, state.username, problemFromFailure(event.result.failure, event.now), state.keepSignedIn);

    case 'methodChosen':
      return state.kind === 'codeRequired' && state.challenge.methods.includes(event.method) && !challengeIsOver(state.problem)
        ? { ...state, method: event.method, problem: lockedOnly(state.problem), attempt: state.attempt + 1 }
        : state;

    case 'codeSubmitted':
      return state.kind === 'codeRequired' ? { ...state, kind: 'submittingCode' } : state;

    case 'codeRefusedLocally':
      return state.kind === 'codeRequired' ? { ...state, problem: event.problem } : state;

    case 'codeAnswered':
      return state.kind === 'submittingCode' ? afterCode(state, event) : state;

    case 'browserSignInStarted':
      return state.kind === 'idle'
        ? { kind: 'awaitingBrowser', server: state.server, username: state.username, keepSignedIn: event.keepSignedIn, provider: event.provider }
        : state;

    case 'browserReturned':
      return state.kind === 'awaitingBrowser' ? { ...state, kind: 'finishingBrowserSignIn' } : state;

    case 'browserSignInFailed':
      return state.kind === 'awaitingBrowser' || state.kind === 'finishingBrowserSignIn' ? idleAfterBrowser(state, event.problem) : state;

    case 'browserSignInExchanged':
      if (state.kind !== 'finishingBrowserSignIn') return state;
      // No code step on this path: the identity provider did its own second factor.
      return event.result.ok
        ? signedIn(state, event.result.value.session, event.now)
        : idleAfterBrowser(state, problemFromFailure(event.result.failure, event.now));

    case 'sessionStored':
      return state.kind === 'signedIn' ? { ...state, remembered: event.stored } : state;

    case 'trustedComputerKept':
      return state.kind === 'signedIn' ? { ...state, trustedComputer: { until: event.until, codeSkipped: false } } : state;

    case 'cancelled':
      switch (state.kind) {
        case 'submittingCredentials':
        case 'codeRequired':
        case 'submittingCode':
        case 'enrollmentNeeded':
          return idle(state.server, state.username, null, 'keepSignedIn' in state ? state.keepSignedIn : false);
        case 'awaitingBrowser':
          return idleAfterBrowser(state, null);
        case 'checkingServer':
          return { kind: 'serverPrompt', address: state.address, problem: null };
        case 'starting':
        case 'serverPrompt':
        case 'idle':
        case 'restoring':
        case 'signedIn':
        case 'signingOut':
        case 'finishingBrowserSignIn':
          // (finishing: the result code is with the server; its answer decides, or a session would be left behind.)
          return state;
        default:
          return assertNever(state);
      }

    case 'startedAgain':
      return state.kind === 'codeRequired' || state.kind === 'enrollmentNeeded' ? idle(state.server, state.username) : state;

    case 'restoreAnswered': {
      if (state.kind !== 'restoring') return state;
      if (!event.result.ok) {
        const problem = problemFromFailure(event.result.failure, event.now);
        // An expired or revoked session just means signing in again; say nothing about it.
        return idle(state.server, state.username, problem.kind === 'sessionEnded' ? null : problem);
      }
      const { user, session } = event.result.value;
      return {
        kind: 'signedIn',
        server: state.server,
        username: user.username,
        displayName: user.displayName,
        token: event.token,
        expiresAt: epochMs(session.expiresAt, event.now),
        remembered: true,
        recoveryCodesRemaining: null,
        trustedComputer: null,
        problem: null,
      };
    }

    case 'signOutRequested':
      return state.kind === 'signedIn' ? { ...state, kind: 'signingOut' } : state;

    case 'signedOut':
      return state.kind === 'signingOut' ? idle(state.server, state.username, null, false, event.confirmed ? 'confirmed' : 'unconfirmed') : state;

    case 'earlierSignOutConfirmed':
      // Said only where the form still says the server was not told.
      return state.kind === 'idle' && state.signedOut === 'unconfirmed' && state.server.url === event.serverUrl
        ? { ...state, signedOut: 'confirmedLater' }
        : state;

    case 'enrollmentPageOpened':
      return state.kind === 'enrollmentNeeded' ? { ...state, browser: event.opened ? 'opened' : 'failed' } : state;

    default:
      return assertNever(event);
  }
}

/** A lock-out outlives switching between code and recovery code; other problems belong to the old input. */
function lockedOnly(problem: Problem | null): Problem | null {
  return problem?.kind === 'locked' ? problem : null;
}
