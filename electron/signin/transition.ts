/**
 * The flow's rules: the next state as a pure function of (state, event). An event that does not
 * fit the current state (a late answer, a double click) leaves the state unchanged, which is
 * what drops replies that arrive after Cancel.
 */
import { challengeDeadline } from '../../shared/api/challenge-deadline.js';
import type { Static } from 'typebox';
import type { AuthenticatedResponse, Challenge, LoginResponse } from '../../shared/api/schemas.js';
import type { Problem } from '../../shared/ipc/problem.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { FlowEvent } from './events.js';
import { problemFromFailure } from './problem-from-failure.js';
import { challengeIsOver, type PendingChallenge, type Server, type SignInState, type StateOf } from './state.js';

const idle = (server: Server, username: string, problem: Problem | null = null, keepSignedIn = false, signedOut = false): SignInState => ({
  kind: 'idle',
  server,
  username,
  keepSignedIn,
  problem,
  signedOut,
});

function pendingChallenge(challenge: Static<typeof Challenge>, receivedAt: number): PendingChallenge {
  return {
    id: challenge.id,
    expiresAt: challengeDeadline(challenge, receivedAt),
    methods: challenge.methods.length > 0 ? challenge.methods : ['totp'],
    digits: challenge.digits,
  };
}

function signedIn(
  from: { readonly server: Server; readonly username: string },
  session: Static<typeof AuthenticatedResponse>['session'],
  now: number,
  recoveryCodesRemaining: number | null = null,
): SignInState {
  const expiresAt = Date.parse(session.expiresAt);
  return {
    kind: 'signedIn',
    server: from.server,
    username: session.user.username,
    displayName: session.user.displayName,
    token: session.token,
    expiresAt: Number.isFinite(expiresAt) ? expiresAt : now,
    remembered: false,
    recoveryCodesRemaining,
    problem: null,
  };
}

function afterLogin(state: StateOf<'submittingCredentials'>, result: Static<typeof LoginResponse>, now: number): SignInState {
  switch (result.status) {
    case 'authenticated':
      return signedIn(state, result.session, now);
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
      };
    }
    case 'enrollment_required':
      // The enrollment session is deliberately dropped: set-up happens in the browser.
      return { kind: 'enrollmentNeeded', server: state.server, username: state.username, enrollmentUrl: result.enrollmentUrl, browser: 'notOpened' };
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
    return signedIn(state, answer.session, event.now, 'recoveryCodesRemaining' in answer ? answer.recoveryCodesRemaining : null);
  }
  const problem = problemFromFailure(event.result.failure, event.now);
  switch (problem.kind) {
    // The challenge is gone or the account may not continue: back to the password.
    case 'sessionEnded':
    case 'totpDisabled':
    case 'forbidden':
    case 'notFound':
    case 'invalidCredentials':
      return idle(state.server, state.username, problem, state.keepSignedIn);
    case 'wrongCode':
    case 'challengeExpired':
    case 'locked':
    case 'invalidRequest':
    case 'unreachable':
    case 'timeout':
    case 'tls':
    case 'unexpected':
    case 'serverError':
    case 'invalidServerAddress':
      return { ...state, kind: 'codeRequired', attempt: state.attempt + 1, problem };
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
        ? afterLogin(state, event.result.value, event.now)
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

    case 'sessionStored':
      return state.kind === 'signedIn' ? { ...state, remembered: event.stored } : state;

    case 'cancelled':
      switch (state.kind) {
        case 'submittingCredentials':
        case 'codeRequired':
        case 'submittingCode':
        case 'enrollmentNeeded':
          return idle(state.server, state.username, null, 'keepSignedIn' in state ? state.keepSignedIn : false);
        case 'checkingServer':
          return { kind: 'serverPrompt', address: state.address, problem: null };
        case 'starting':
        case 'serverPrompt':
        case 'idle':
        case 'restoring':
        case 'signedIn':
        case 'signingOut':
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
      const expiresAt = Date.parse(session.expiresAt);
      return {
        kind: 'signedIn',
        server: state.server,
        username: user.username,
        displayName: user.displayName,
        token: event.token,
        expiresAt: Number.isFinite(expiresAt) ? expiresAt : event.now,
        remembered: true,
        recoveryCodesRemaining: null,
        problem: null,
      };
    }

    case 'signOutRequested':
      return state.kind === 'signedIn' ? { ...state, kind: 'signingOut' } : state;

    case 'signedOut':
      return state.kind === 'signingOut' ? idle(state.server, state.username, null, false, true) : state;

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
