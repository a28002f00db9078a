/** An API error answer as the problem a person is told about: one mapping for the desktop app and the browser pages. */
import type { ApiErrorCode } from '../api/errors.js';
import { assertNever } from '../util/assert-never.js';
import type { Problem } from './problem.js';

export interface ApiErrorAnswer {
  readonly code: ApiErrorCode;
  readonly attemptsRemaining?: number;
  readonly retryAfter?: number;
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
      return { kind: 'wrongCode', attemptsRemaining: answer.attemptsRemaining ?? 0 };
    case 'challenge_expired':
      return { kind: 'challengeExpired' };
    case 'unauthorized':
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
      return { kind: 'locked', retryAt: now + (answer.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000 };
    // Single sign-on: until the sign-in views word these themselves, the nearest message they already have.
    case 'sso_required':
    case 'sso_unknown_user':
    case 'sso_account_conflict':
    case 'sso_not_allowed':
      return { kind: 'forbidden' };
    case 'sso_cancelled':
    case 'sso_expired':
    case 'sso_state_invalid':
    case 'sso_result_invalid':
      return { kind: 'sessionEnded' };
    case 'sso_provider_error':
    case 'sso_token_invalid':
      return { kind: 'unexpected' };
    default:
      return assertNever(answer.code);
  }
}
