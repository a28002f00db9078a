/** Every API error code and transport failure, as the problem a person is told about. */
import type { Problem } from '../../shared/ipc/problem.js';
import { problemFromApiError } from '../../shared/ipc/problem-from-api-error.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiFailure } from '../api/api-result.js';

export function problemFromFailure(failure: ApiFailure, now: number): Problem {
  switch (failure.kind) {
    case 'unreachable':
    case 'proxyAuth':
    case 'timeout':
    case 'tls':
      return { kind: failure.kind };
    case 'unexpected':
      return { kind: 'unexpected' };
    case 'api':
      return problemFromApiError(failure, now);
    default:
      return assertNever(failure);
  }
}
