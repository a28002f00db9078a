/** A failed request as one of the desktop's problems, so both say the same thing in the same words. */
import type { Problem } from '../../../shared/ipc/problem.js';
import { problemFromApiError } from '../../../shared/ipc/problem-from-api-error.js';
import type { Failure } from './web-api.js';

export function problemOf(failure: Failure, now: number): Problem {
  switch (failure.kind) {
    case 'network':
      return { kind: 'unreachable' };
    case 'unexpected':
      return failure.status >= 500 ? { kind: 'serverError' } : { kind: 'unexpected' };
    case 'api':
      return problemFromApiError(failure, now);
  }
}
