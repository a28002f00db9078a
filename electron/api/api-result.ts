/**
 * What a call to the server can end in. Calls never throw: the sign-in flow branches on these
 * kinds, so every failure has to be one of them.
 */
import type { ApiErrorCode } from '../../shared/api/errors.js';

export type ApiFailure =
  /** The server answered with a documented error body. */
  | {
      readonly kind: 'api';
      readonly code: ApiErrorCode;
      readonly attemptsRemaining?: number;
      readonly retryAfter?: number;
      /** invalid_code: why (shared/api/errors.ts, CODE_REFUSAL_REASONS); SSO failures: which check failed, for the sentence and the log. Never a decision. */
      readonly reason?: string;
    }
  | { readonly kind: 'unreachable' }
  /** A proxy on the way answered 407: it wants a sign-in before it passes anything on. */
  | { readonly kind: 'proxyAuth' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'tls' }
  /** An answer that does not match the contract; `detail` is for logs and never holds a secret. */
  | { readonly kind: 'unexpected'; readonly detail: string };

/** serverDate: the answer's `Date` header (epoch ms), when it had a valid one, to compare this computer's clock with. */
export type ApiResult<T> = ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ApiFailure }) & {
  readonly serverDate?: number;
};

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = <T>(failure: ApiFailure): ApiResult<T> => ({ ok: false, failure });
