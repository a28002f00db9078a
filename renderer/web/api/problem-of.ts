/** A failed request as one of the desktop's problems, so both say the same thing in the same words. */
import type { Problem } from '../../../shared/ipc/problem.js';
import type { Failure } from './web-api.js';

export function problemOf(failure: Failure, now: number): Problem {
  if (failure.kind === 'network') return { kind: 'unreachable' };
  if (failure.kind === 'unexpected') return failure.status >= 500 ? { kind: 'serverError' } : { kind: 'unexpected' };
  switch (failure.code) {
    case 'invalid_credentials':
      return { kind: 'invalidCredentials' };
    case 'invalid_code':
      return { kind: 'wrongCode', attemptsRemaining: failure.attemptsRemaining ?? 0 };
    case 'challenge_expired':
      return { kind: 'challengeExpired' };
    case 'too_many_attempts':
      return { kind: 'locked', retryAt: now + (failure.retryAfter ?? 60) * 1000 };
    case 'unauthorized':
      return { kind: 'sessionEnded' };
    case 'forbidden':
      return { kind: 'forbidden' };
    case 'not_found':
      return { kind: 'notFound' };
    case 'totp_disabled':
      return { kind: 'totpDisabled' };
    case 'invalid_request':
      return { kind: 'invalidRequest' };
    case 'internal_error':
      return { kind: 'serverError' };
  }
}
