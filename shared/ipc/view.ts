/**
 * What the main process tells the renderer: the state of sign-in as the windows draw it.
 * It never carries a password, a code, a challenge id or a session token.
 */
import type { UiLanguage } from '../messages/language.js';
import type { Problem } from './problem.js';

export type CodeMethod = 'totp' | 'recovery_code';

export interface ServerView {
  /** Origin the app talks to, e.g. https://id.example.com */
  readonly url: string;
  /** Environment name from GET /info; null until the server has answered. */
  readonly name: string | null;
  /** Set by policy: the person cannot change it. */
  readonly locked: boolean;
}

export type FlowView =
  | { readonly kind: 'starting' }
  | {
      readonly kind: 'serverPrompt';
      readonly address: string;
      readonly busy: boolean;
      readonly problem: Problem | null;
    }
  | {
      readonly kind: 'signIn';
      readonly server: ServerView;
      readonly username: string;
      readonly keepSignedIn: boolean;
      /** False when there is no keychain or policy forbids remembering sessions. */
      readonly canKeepSignedIn: boolean;
      readonly busy: boolean;
      readonly problem: Problem | null;
      /** Just signed out, and whether the server has ended the session yet: the form says so until the person moves on. */
      readonly signedOut: SignOutOutcome | null;
      /** "Sign in with …" buttons, the one policy preselects first; null until the server has said which it offers. */
      readonly providers: readonly ProviderView[] | null;
      /** False when policy hides the username and password. */
      readonly passwordSignIn: boolean;
      /** The buttons come before the password form: policy preselects a provider, or the server requires SSO. */
      readonly providersFirst: boolean;
      /** The provider whose button gets focus (after its sign-in failed, or when it is the way to sign in); null: the form's fields. */
      readonly focusProvider: string | null;
    }
  | {
      /** A sign-in in the system browser: waiting for it to come back, then finishing with the server. */
      readonly kind: 'browserSignIn';
      readonly server: ServerView;
      /** The provider's display name. */
      readonly provider: string;
      readonly finishing: boolean;
    }
  | {
      readonly kind: 'code';
      readonly server: ServerView;
      readonly username: string;
      readonly method: CodeMethod;
      readonly methods: readonly CodeMethod[];
      readonly digits: number;
      /** Epoch milliseconds when the challenge stops being accepted. */
      readonly expiresAt: number;
      readonly busy: boolean;
      readonly problem: Problem | null;
      /** Grows with every answered attempt, so the view knows to clear and refocus the input. */
      readonly attempt: number;
      /** Seconds this computer's clock is ahead of the server's (negative: behind); null unless more than a minute. */
      readonly computerClockOffset: number | null;
      /** The days "Don't ask for a code on this computer" offers; null: not offered (policy, the server or no keychain). */
      readonly trustDays: number | null;
    }
  | {
      readonly kind: 'enrollmentNeeded';
      readonly server: ServerView;
      readonly username: string;
      /** The server's set-up page, shown as text when no browser could be opened. */
      readonly enrollmentUrl: string;
      readonly browser: EnrollmentBrowser;
    }
  | {
      readonly kind: 'signedIn';
      readonly server: ServerView;
      readonly username: string;
      readonly displayName: string;
      /** Epoch milliseconds when the session ends. */
      readonly expiresAt: number;
      readonly remembered: boolean;
      /** Only after a recovery-code sign-in. */
      readonly recoveryCodesRemaining: number | null;
      /** This computer skips the code until then: it just did (`codeSkipped`), or this sign-in made it trusted. */
      readonly trustedComputer: TrustedComputerNote | null;
      readonly busy: boolean;
      readonly problem: Problem | null;
    };

export type FlowViewKind = FlowView['kind'];

/** An identity provider's button: its id for the intent, its name for the words. */
export interface ProviderView {
  readonly id: string;
  readonly displayName: string;
}

/** What the signed-in view says about this computer's trust. */
export interface TrustedComputerNote {
  /** Epoch milliseconds when the trust ends. */
  readonly until: number;
  /** True when the trust let this sign-in through without a code; false when this sign-in's code made the computer trusted. */
  readonly codeSkipped: boolean;
}

/** Whether "Open set-up page in browser" has been used, and how it went. */
export type EnrollmentBrowser = 'notOpened' | 'opened' | 'failed';

/** What every window shows besides the flow: the language of its words and the app's version. */
export interface AppFacts {
  readonly language: UiLanguage;
  readonly version: string;
}

/**
 * How a sign-out ended: the server ended the session; it could not be told (the app keeps telling it);
 * or it could not be told at first and has ended the session since.
 */
export type SignOutOutcome = 'confirmed' | 'unconfirmed' | 'confirmedLater';

/**
 * One-time notices shown above the current view until dismissed: no keychain module, a Linux login
 * keyring or another keychain that refused to store (see shared/keychain), and a trusted-computer
 * token the keychain refused (the person is signed in, but the next sign-in asks for a code).
 */
export const NOTICES = ['noKeychain', 'keyringRefused', 'keychainRefused', 'trustedComputerNotKept'] as const;
export type Notice = (typeof NOTICES)[number];

export interface AppView {
  readonly flow: FlowView;
  readonly notices: readonly Notice[];
  readonly app: AppFacts;
}

/** The server the app is talking to, or null while it asks for one. */
export function serverUrlOf(view: AppView): string | null {
  return 'server' in view.flow ? view.flow.server.url : null;
}
