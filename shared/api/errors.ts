/** Error codes of the v1 API; clients branch on these, never on the message. */
export const API_ERROR_CODES = [
  'invalid_request',
  'invalid_credentials',
  'invalid_code',
  'challenge_expired',
  'unauthorized',
  'forbidden',
  'not_found',
  'totp_disabled',
  'too_many_attempts',
  // Beyond api.md's table: an unexpected server fault (never caused by the request's content).
  'internal_error',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const API_ERROR_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  invalid_request: 400,
  invalid_credentials: 401,
  invalid_code: 401,
  challenge_expired: 401,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  totp_disabled: 409,
  too_many_attempts: 429,
  internal_error: 500,
};

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}
