import type { CodeRefusalReason } from '../api/errors.js';

/**
 * Everything that can go wrong in sign-in, as the views need it: one kind per distinct message.
 * The main process maps API error codes and transport failures onto these; the renderer only words them.
 */
export type Problem =
  | { readonly kind: 'invalidCredentials' }
  /** reason: a wrong code, a code already used in its time step, or a phone whose clock is off. */
  | { readonly kind: 'wrongCode'; readonly attemptsRemaining: number; readonly reason: CodeRefusalReason }
  | { readonly kind: 'challengeExpired' }
  | { readonly kind: 'locked'; readonly retryAt: number }
  | { readonly kind: 'sessionEnded' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'totpDisabled' }
  | { readonly kind: 'invalidRequest' }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'tls' }
  | { readonly kind: 'unexpected' }
  | { readonly kind: 'serverError' }
  | { readonly kind: 'invalidServerAddress'; readonly reason: ServerAddressProblem };

export type ProblemKind = Problem['kind'];

export type ServerAddressProblem = 'empty' | 'malformed' | 'notHttps' | 'notAllowed';
