import { API_ERROR_STATUS, type ApiErrorCode } from '../../shared/api/errors.js';

export interface ApiErrorDetails {
  readonly fields?: Readonly<Record<string, string>>;
  readonly attemptsRemaining?: number;
  readonly retryAfter?: number;
}

/** An answer the client is meant to see: thrown anywhere, rendered by the error handler as api.md's error body. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.status = API_ERROR_STATUS[code];
  }
}

export const invalidRequest = (fields: Readonly<Record<string, string>>): ApiError =>
  new ApiError('invalid_request', 'The request is not valid.', { fields });

export const tooManyAttempts = (retryAfter: number, attemptsRemaining?: number): ApiError =>
  new ApiError(
    'too_many_attempts',
    `Too many attempts. Try again in ${retryAfter} seconds.`,
    attemptsRemaining === undefined ? { retryAfter } : { retryAfter, attemptsRemaining },
  );
