import type { CodeRefusalReason } from '../api/errors.js';

/**
 * Everything that can go wrong in sign-in, as the views need it: one kind per distinct message.
 * The main process maps API error codes and transport failures onto these; the renderer only words them.
 */
export type Problem =
  | { readonly kind: 'invalidCredentials' }
  /** reason: a wrong code, a code already used in its time step, or a phone whose clock is off. */
  | { readonly kind: 'wrongCode'; readonly attemptsRemaining: number; readonly reason: CodeRefusalReason }
  /** A recovery code refused: not one of the account's, or already used. Worded apart: no advice about the app. */
  | { readonly kind: 'wrongRecoveryCode'; readonly attemptsRemaining: number; readonly reason: RecoveryRefusalReason }
  | { readonly kind: 'challengeExpired' }
  /** reason: why the code that started the lock-out was refused, so the cause stays beside the lock; null: not known. */
  | { readonly kind: 'locked'; readonly retryAt: number; readonly reason: CodeRefusalReason | null }
  | { readonly kind: 'sessionEnded' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'totpDisabled' }
  | { readonly kind: 'invalidRequest' }
  | { readonly kind: 'unreachable' }
  /** A proxy between this computer and the server asks for a sign-in (HTTP 407). */
  | { readonly kind: 'proxyAuth' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'tls' }
  | { readonly kind: 'unexpected' }
  | { readonly kind: 'serverError' }
  | { readonly kind: 'invalidServerAddress'; readonly reason: ServerAddressProblem }
  | SsoProblem;

/**
 * Single sign-on: one kind per error code of docs/sso.md, with the reasons worth their own sentence;
 * any other reason words as the code's general message. Two are the desktop app's own: the browser
 * could not be opened (or the listener for its return could not start), and a start address the app
 * may not open.
 */
export type SsoProblem =
  | { readonly kind: 'ssoRequired' }
  | { readonly kind: 'ssoCancelled' }
  | { readonly kind: 'ssoExpired' }
  | { readonly kind: 'ssoStateInvalid'; readonly reason: 'otherBrowser' | 'providerRemoved' | null }
  | { readonly kind: 'ssoProviderError'; readonly reason: 'unreachable' | 'configuration' | null }
  | { readonly kind: 'ssoTokenInvalid'; readonly reason: 'clock' | null }
  | { readonly kind: 'ssoUnknownUser'; readonly reason: 'emailUnverified' | 'claimMissing' | null }
  | { readonly kind: 'ssoAccountConflict' }
  | { readonly kind: 'ssoLinkRequired' }
  | { readonly kind: 'ssoNotAllowed'; readonly reason: 'disabled' | 'ssoOff' | null }
  | { readonly kind: 'ssoResultInvalid' }
  | { readonly kind: 'ssoBrowserFailed' }
  | { readonly kind: 'ssoStartRefused' };

/** A recovery code is never early or late: it is refused only as not right or already used. */
export type RecoveryRefusalReason = Exclude<CodeRefusalReason, 'clock_skew'>;

export type ProblemKind = Problem['kind'];

export type ServerAddressProblem = 'empty' | 'malformed' | 'notHttps' | 'notAllowed';

/** Problems that came from (or point to) single sign-on: the view puts focus on a provider's button for these. */
export function isSsoProblem(problem: Problem | null): problem is SsoProblem {
  return problem !== null && Object.hasOwn(SSO_PROBLEM_KINDS, problem.kind);
}

const SSO_PROBLEM_KINDS: Readonly<Record<SsoProblem['kind'], true>> = {
  ssoRequired: true,
  ssoCancelled: true,
  ssoExpired: true,
  ssoStateInvalid: true,
  ssoProviderError: true,
  ssoTokenInvalid: true,
  ssoUnknownUser: true,
  ssoAccountConflict: true,
  ssoLinkRequired: true,
  ssoNotAllowed: true,
  ssoResultInvalid: true,
  ssoBrowserFailed: true,
  ssoStartRefused: true,
};
