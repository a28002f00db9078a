/**
 * The sign-in flow's state: a union keyed by `kind`, each state holding what its step needs and
 * nothing more. The session token lives only in the signed-in states, in memory, for sign-out and the
 * hand-off to the browser (and, after a sign-out the server did not confirm, only in
 * sign-out-retries.ts until it does); an enrollment session only in `enrollmentNeeded`, for the hand-off.
 * Passwords and codes never enter the state.
 */
import type { CodeMethod, EnrollmentBrowser, SignOutOutcome, TrustedComputerNote } from '../../shared/ipc/view.js';
import type { Problem } from '../../shared/ipc/problem.js';
import type { SsoProviderInfo } from '../../shared/api/schemas.js';

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
  /** Identity providers to offer, in the server's order; `startUrl` is where the browser begins. */
  readonly providers: readonly SsoProviderInfo[];
  /** The server refuses passwords for everyone but accounts set apart (docs/sso.md). */
  readonly ssoRequiredForAll: boolean;
}

/** An identity provider as a browser sign-in remembers it. */
export interface ProviderRef {
  readonly id: string;
  readonly displayName: string;
}

export interface PendingChallenge {
  readonly id: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly methods: readonly CodeMethod[];
  readonly digits: number;
  /** The most days the server lets a code trust this computer for; 0: it does not offer it. */
  readonly trustedComputerDays: number;
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
  /** This computer's clock minus the server's (ms), from the last answer's Date header; null: not known. */
  readonly clockOffset: number | null;
}

interface BrowserStep extends WithUser {
  readonly keepSignedIn: boolean;
  readonly provider: ProviderRef;
}

interface SignedInStep extends WithUser {
  readonly displayName: string;
  readonly token: string;
  readonly expiresAt: number;
  readonly remembered: boolean;
  /** Set only after signing in with a recovery code: how many are left, so the person can make more in time. */
  readonly recoveryCodesRemaining: number | null;
  /** This computer's trust, when it let this sign-in through or this sign-in's code created it (and the keychain kept it). */
  readonly trustedComputer: TrustedComputerNote | null;
}

export type SignInState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'serverPrompt'; readonly address: string; readonly problem: Problem | null }
  | { readonly kind: 'checkingServer'; readonly address: string; readonly url: string }
  | (WithUser & {
      readonly kind: 'idle';
      readonly keepSignedIn: boolean;
      readonly problem: Problem | null;
      /** Just signed out: whether the server ended the session (an unconfirmed one is told again, see sign-out-retries.ts). */
      readonly signedOut: SignOutOutcome | null;
      /** The provider of the browser sign-in that just ended, so its button gets focus again. */
      readonly lastProvider: string | null;
    })
  | (WithUser & { readonly kind: 'submittingCredentials'; readonly keepSignedIn: boolean })
  | (CodeStep & { readonly kind: 'codeRequired'; readonly problem: Problem | null })
  | (CodeStep & { readonly kind: 'submittingCode' })
  /** The system browser is open at the provider; the loopback listener waits for its return. */
  | (BrowserStep & { readonly kind: 'awaitingBrowser' })
  /** The browser came back with a result code; the app is exchanging it for the session. */
  | (BrowserStep & { readonly kind: 'finishingBrowserSignIn' })
  | (WithUser & {
      readonly kind: 'enrollmentNeeded';
      readonly enrollmentUrl: string;
      readonly browser: EnrollmentBrowser;
      /** The password step's enrollment session, in memory only, used for nothing but the hand-off to the browser. */
      readonly enrollmentToken: string;
    })
  | (WithUser & { readonly kind: 'restoring' })
  | (SignedInStep & { readonly kind: 'signedIn'; readonly problem: Problem | null })
  | (SignedInStep & { readonly kind: 'signingOut' });

export type SignInStateKind = SignInState['kind'];
export type StateOf<K extends SignInStateKind> = Extract<SignInState, { kind: K }>;

/** Beyond this, the code window says that this computer's clock and the server's differ. */
export const CLOCK_OFFSET_TOLD_MS = 60_000;

export { challengeIsOver } from '../../shared/ipc/code-problem.js';

/** This computer's clock minus the server's, from an answer's Date header that arrived at `now`. */
export function clockOffsetOf(answer: { readonly serverDate?: number }, now: number): number | null {
  return answer.serverDate === undefined ? null : now - answer.serverDate;
}
