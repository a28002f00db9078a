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
      /** Just signed out: the form says so until the person moves on. */
      readonly signedOut: boolean;
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
      readonly busy: boolean;
      readonly problem: Problem | null;
    };

export type FlowViewKind = FlowView['kind'];

/** Whether "Open set-up page in browser" has been used, and how it went. */
export type EnrollmentBrowser = 'notOpened' | 'opened' | 'failed';

/** What every window shows besides the flow: the language of its words and the app's version. */
export interface AppFacts {
  readonly language: UiLanguage;
  readonly version: string;
}

/** One-time notices shown above the current view until dismissed. */
export type Notice = 'noKeychain';

export interface AppView {
  readonly flow: FlowView;
  readonly notices: readonly Notice[];
  readonly app: AppFacts;
}
