/**
 * The sign-in flow's state: a union keyed by `kind`, each state holding what its step needs and
 * nothing more. The session token lives only in the signed-in states, in memory, for sign-out.
 * Passwords and codes never enter the state.
 */
import type { CodeMethod, EnrollmentBrowser } from '../../shared/ipc/view.js';
import type { Problem } from '../../shared/ipc/problem.js';

export interface Server {
  /** Base URL of the server, e.g. https://id.example.com (the API is under /api/v1). */
  readonly url: string;
  /** Set by policy: the person cannot change it. */
  readonly locked: boolean;
}

/**
 * What GET /info said about a server. Kept beside the flow rather than in it: it arrives whenever
 * it arrives and must not count as a step that makes pending answers stale.
 */
export interface ServerInfo {
  readonly url: string;
  readonly name: string;
  readonly settingsUrl: string;
}

export interface PendingChallenge {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly methods: readonly CodeMethod[];
  readonly digits: number;
}

interface WithUser {
  readonly server: Server;
  readonly username: string;
}

interface CodeStep extends WithUser {
  readonly keepSignedIn: boolean;
  readonly challenge: PendingChallenge;
  readonly method: CodeMethod;
  /** Answered attempts so far; the view clears its input when this changes. */
  readonly attempt: number;
}

interface SignedInStep extends WithUser {
  readonly displayName: string;
  readonly token: string;
  readonly expiresAt: number;
  readonly remembered: boolean;
  /** Set only after signing in with a recovery code: how many are left, so the person can make more in time. */
  readonly recoveryCodesRemaining: number | null;
}

export type SignInState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'serverPrompt'; readonly address: string; readonly problem: Problem | null }
  | { readonly kind: 'checkingServer'; readonly address: string; readonly url: string }
  | (WithUser & { readonly kind: 'idle'; readonly keepSignedIn: boolean; readonly problem: Problem | null; readonly signedOut: boolean })
  | (WithUser & { readonly kind: 'submittingCredentials'; readonly keepSignedIn: boolean })
  | (CodeStep & { readonly kind: 'codeRequired'; readonly problem: Problem | null })
  | (CodeStep & { readonly kind: 'submittingCode' })
  | (WithUser & { readonly kind: 'enrollmentNeeded'; readonly enrollmentUrl: string; readonly browser: EnrollmentBrowser })
  | (WithUser & { readonly kind: 'restoring' })
  | (SignedInStep & { readonly kind: 'signedIn'; readonly problem: Problem | null })
  | (SignedInStep & { readonly kind: 'signingOut' });

export type SignInStateKind = SignInState['kind'];
export type StateOf<K extends SignInStateKind> = Extract<SignInState, { kind: K }>;

/** A code answer that leaves the challenge unusable: the person has to start again with the password. */
export function challengeIsOver(problem: Problem | null): boolean {
  return problem !== null && (problem.kind === 'challengeExpired' || (problem.kind === 'wrongCode' && problem.attemptsRemaining === 0));
}
