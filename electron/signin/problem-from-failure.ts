/** Every API error code and transport failure, as the problem a person is told about. */
import type { Problem } from '../../shared/ipc/problem.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiFailure } from '../api/api-result.js';

/** Used when a 429 arrives without retryAfter, which the contract does not allow but a proxy might send. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

export function problemFromFailure(failure: ApiFailure, now: number): Problem {
  switch (failure.kind) {
    case 'unreachable':
    case 'timeout':
    case 'tls':
      return { kind: failure.kind };
    case 'unexpected':
      return { kind: 'unexpected' };
    case 'api':
      switch (failure.code) {
        case 'invalid_request':
          return { kind: 'invalidRequest' };
        case 'invalid_credentials':
          return { kind: 'invalidCredentials' };
        case 'invalid_code':
          return { kind: 'wrongCode', attemptsRemaining: failure.attemptsRemaining ?? 0 };
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
          return { kind: 'locked', retryAt: now + (failure.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS) * 1000 };
        default:
          return assertNever(failure.code);
      }
    default:
      return assertNever(failure);
  }
}
