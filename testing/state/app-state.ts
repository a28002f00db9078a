/**
 * What the app shows, as values a test can compare: which view, the problem's kind, attempts left,
 * seconds to wait, the trusted-until date. Read from the app's own state (the view its windows
 * draw), so a test checks these without reading words that may change with the catalogues.
 */
import type { ProblemKind, Problem } from '../../shared/ipc/problem.js';
import type { AppView, FlowView } from '../../shared/ipc/view.js';

/** A problem the app reports: `kind` names it (docs/testing.md lists them); the rest is there when the kind has it. */
export interface StepgateProblem {
  readonly kind: ProblemKind;
  /** A wrong code: the codes this sign-in request still accepts (the server's count; three wrong ones in a row lock the account sooner). */
  readonly attemptsLeft: number | null;
  /** A lock-out: whole seconds until the next attempt is accepted, counted when the state was read. */
  readonly secondsToWait: number | null;
  /** A wrong code: `incorrect`, `already_used` (this time step's code was used) or `clock_skew`; other kinds' reasons as the app has them. */
  readonly reason: string | null;
}

export type StepgateState =
  | { readonly view: 'starting' }
  | { readonly view: 'serverAddress'; readonly busy: boolean; readonly problem: StepgateProblem | null }
  | {
      readonly view: 'login';
      readonly busy: boolean;
      readonly problem: StepgateProblem | null;
      /** Whether "Keep me signed in" is offered (a keychain, and policy allows it). */
      readonly keepSignedInOffered: boolean;
      /** The identity providers' display names, as their buttons say them; null until the server has said. */
      readonly providers: readonly string[] | null;
    }
  | { readonly view: 'browserSignIn'; readonly provider: string; readonly finishing: boolean }
  | {
      readonly view: 'code';
      readonly method: 'totp' | 'recoveryCode';
      readonly busy: boolean;
      readonly problem: StepgateProblem | null;
      /** The days "Don't ask for a code on this computer" offers; null: not offered. */
      readonly trustDays: number | null;
      /** When the request stops being accepted (then "Start again"). */
      readonly expiresAt: Date;
    }
  | { readonly view: 'enrollmentNeeded'; readonly username: string; readonly enrollmentUrl: string }
  | {
      readonly view: 'signedIn';
      readonly username: string;
      readonly displayName: string;
      readonly sessionEndsAt: Date;
      /** "Keep me signed in": the session is kept in the keychain. */
      readonly keptSignedIn: boolean;
      /** Until when this computer skips the code (it just did, or this sign-in made it trusted); null: not trusted. */
      readonly trustedUntil: Date | null;
      /** True when the trust let this sign-in through without a code. */
      readonly codeSkipped: boolean;
      /** After a recovery-code sign-in: how many are left; null otherwise. */
      readonly recoveryCodesLeft: number | null;
    };

export type StepgateView = StepgateState['view'];

function problemOf(problem: Problem | null, now: number): StepgateProblem | null {
  if (problem === null) return null;
  const reason = 'reason' in problem && typeof problem.reason === 'string' ? problem.reason : null;
  return {
    kind: problem.kind,
    attemptsLeft: problem.kind === 'wrongCode' ? problem.attemptsRemaining : null,
    secondsToWait: problem.kind === 'locked' ? Math.max(0, Math.ceil((problem.retryAt - now) / 1000)) : null,
    reason,
  };
}

/** The app's view as the kit's values; `now` is the time the seconds to wait are counted from. */
export function stateOf(appView: AppView, now = Date.now()): StepgateState {
  const flow: FlowView = appView.flow;
  switch (flow.kind) {
    case 'starting':
      return { view: 'starting' };
    case 'serverPrompt':
      return { view: 'serverAddress', busy: flow.busy, problem: problemOf(flow.problem, now) };
    case 'signIn':
      return {
        view: 'login',
        busy: flow.busy,
        problem: problemOf(flow.problem, now),
        keepSignedInOffered: flow.canKeepSignedIn,
        providers: flow.providers === null ? null : flow.providers.map((p) => p.displayName),
      };
    case 'browserSignIn':
      return { view: 'browserSignIn', provider: flow.provider, finishing: flow.finishing };
    case 'code':
      return {
        view: 'code',
        method: flow.method === 'totp' ? 'totp' : 'recoveryCode',
        busy: flow.busy,
        problem: problemOf(flow.problem, now),
        trustDays: flow.trustDays,
        expiresAt: new Date(flow.expiresAt),
      };
    case 'enrollmentNeeded':
      return { view: 'enrollmentNeeded', username: flow.username, enrollmentUrl: flow.enrollmentUrl };
    case 'signedIn':
      return {
        view: 'signedIn',
        username: flow.username,
        displayName: flow.displayName,
        sessionEndsAt: new Date(flow.expiresAt),
        keptSignedIn: flow.remembered,
        trustedUntil: flow.trustedComputer === null ? null : new Date(flow.trustedComputer.until),
        codeSkipped: flow.trustedComputer?.codeSkipped ?? false,
        recoveryCodesLeft: flow.recoveryCodesRemaining,
      };
  }
}
