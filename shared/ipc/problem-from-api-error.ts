/** An API error answer as the problem a person is told about: one mapping for the desktop app and the browser pages. */
import { isCodeRefusalReason, type ApiErrorCode, type SsoFlowErrorCode } from '../api/errors.js';
import { assertNever } from '../util/assert-never.js';
import type { Problem, SsoProblem } from './problem.js';

export interface ApiErrorAnswer {
  readonly code: ApiErrorCode;
  readonly attemptsRemaining?: number;
  readonly retryAfter?: number;
  /** invalid_code, and too_many_attempts that a refused code started: why the code was refused; SSO failures: which check failed (docs/sso.md, section 4). */
  readonly reason?: string;
}

/** Used when a 429 arrives without retryAfter, which the contract does not allow but a proxy might send. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

export function problemFromApiError(answer: ApiErrorAnswer, now: number): Problem {
  switch (answer.code) {
    case 'invalid_request':
      return { kind: 'invalidRequest' };
    case 'invalid_credentials':
      return { kind: 'invalidCredentials' };
    case 'invalid_code':
      return { kind: 'wrongCode', attemptsRemaining: answer.attemptsRemaining ?? 0, reason: isCodeRefusalReason(answer.reason) ? answer.reason : 'incorrect' };
    case 'challenge_expired':
      return { kind: 'challengeExpired' };
    // handoff_invalid: only the browser's hand-off page meets it, and it words it itself.
    case 'unauthorized':
    case 'handoff_invalid':
      return { kind: 'sessionEnded' };
    case 'forbidden':
      return { kind: 'forbidden' };
    case 'not_found':
      return { kind: 'notFound' };
    case 'totp_disabled':
      return { kind: 'totpDisabled' };
    case 'internal_error':
      return { kind: 'serverError' };
    case 'too_many_attempts':
      return {
        kind: 'locked',
        retryAt: now + (answer.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000,
        reason: isCodeRefusalReason(answer.reason) ? answer.reason : null,
      };
    case 'sso_required':
      return { kind: 'ssoRequired' };
    case 'sso_result_invalid':
      return { kind: 'ssoResultInvalid' };
    case 'sso_cancelled':
    case 'sso_expired':
    case 'sso_state_invalid':
    case 'sso_provider_error':
    case 'sso_token_invalid':
    case 'sso_unknown_user':
    case 'sso_account_conflict':
    case 'sso_link_required':
    case 'sso_not_allowed':
      return problemFromSsoError(answer.code, answer.reason ?? null);
    default:
      return assertNever(answer.code);
  }
}

/**
 * How an SSO sign-in ended, as carried back to where it started (`error` and `reason` on the desktop
 * app's loopback redirect, `sso_error` and `reason` on /signin). The reason only chooses between
 * sentences; one that is unknown or absent gets the code's general sentence.
 */
export function problemFromSsoError(code: SsoFlowErrorCode, reason: string | null): SsoProblem {
  switch (code) {
    case 'sso_cancelled':
      return { kind: 'ssoCancelled' };
    case 'sso_expired':
      return { kind: 'ssoExpired' };
    case 'sso_state_invalid':
      return { kind: 'ssoStateInvalid', reason: reason === 'other_browser' ? 'otherBrowser' : reason === 'provider_removed' ? 'providerRemoved' : null };
    case 'sso_provider_error':
      return {
        kind: 'ssoProviderError',
        reason: reason === 'unreachable' ? 'unreachable' : reason === 'discovery' || reason === 'configuration' ? 'configuration' : null,
      };
    case 'sso_token_invalid':
      return { kind: 'ssoTokenInvalid', reason: reason === 'expired' || reason === 'timestamps' ? 'clock' : null };
    case 'sso_unknown_user':
      return {
        kind: 'ssoUnknownUser',
        reason: reason === 'email_unverified' ? 'emailUnverified' : reason === 'claim_missing' || reason === 'claim_invalid' ? 'claimMissing' : null,
      };
    case 'sso_account_conflict':
      return { kind: 'ssoAccountConflict' };
    case 'sso_link_required':
      return { kind: 'ssoLinkRequired' };
    case 'sso_not_allowed':
      return { kind: 'ssoNotAllowed', reason: reason === 'disabled' ? 'disabled' : reason === 'sso_off' ? 'ssoOff' : null };
    default:
      return assertNever(code);
  }
}
