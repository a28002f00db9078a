/**
 * The codes an SSO sign-in can end with when it is carried back to where it started: in the `error`
 * query parameter of the desktop app's loopback redirect, or `sso_error` on the sign-in page.
 */
export const SSO_FLOW_ERROR_CODES = [
  'sso_cancelled',
  'sso_expired',
  'sso_state_invalid',
  'sso_provider_error',
  'sso_token_invalid',
  'sso_unknown_user',
  'sso_account_conflict',
  'sso_link_required',
  'sso_not_allowed',
] as const;

export type SsoFlowErrorCode = (typeof SSO_FLOW_ERROR_CODES)[number];

export function isSsoFlowErrorCode(value: unknown): value is SsoFlowErrorCode {
  return typeof value === 'string' && (SSO_FLOW_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Beyond api.md: why `invalid_code` refused a code, in its `reason`. `already_used`: right, but this time
 * step's code was already used (wait for the next); `clock_skew`: right for a time minutes away from the
 * server's, so the phone's clock is off (never accepted). Clients treat any other value as `incorrect`.
 */
export const CODE_REFUSAL_REASONS = ['incorrect', 'already_used', 'clock_skew'] as const;
export type CodeRefusalReason = (typeof CODE_REFUSAL_REASONS)[number];

export function isCodeRefusalReason(value: unknown): value is CodeRefusalReason {
  return typeof value === 'string' && (CODE_REFUSAL_REASONS as readonly string[]).includes(value);
}

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
  // Beyond api.md's table: single sign-on through an OpenID Connect identity provider.
  'sso_required',
  ...SSO_FLOW_ERROR_CODES,
  'sso_result_invalid',
  // Beyond api.md's table: a hand-off code that is unknown, used, expired, or whose session has ended.
  'handoff_invalid',
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
  sso_required: 403,
  sso_cancelled: 401,
  sso_expired: 401,
  sso_state_invalid: 401,
  sso_provider_error: 502,
  sso_token_invalid: 401,
  sso_unknown_user: 403,
  sso_account_conflict: 409,
  sso_link_required: 403,
  sso_not_allowed: 403,
  sso_result_invalid: 401,
  handoff_invalid: 401,
};

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

