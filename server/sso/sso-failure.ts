import type { SsoFlowErrorCode } from '../../shared/api/errors.js';

/**
 * A sign-in at a provider that ended without a Stepgate session: the code the person's app or page is
 * told, and the reason written to the audit trail (and sent beside the code; it names a check, never a value).
 */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFlowErrorCode,
    readonly reason: string,
    /** The account it concerned, when one was found. */
    readonly account?: { readonly id: string; readonly username: string },
  ) {
    super(`${code}: ${reason}`);
  }
}

export const SSO_MESSAGES: Readonly<Record<SsoFlowErrorCode, string>> = {
  sso_cancelled: 'The sign-in at the identity provider was cancelled.',
  sso_expired: 'The sign-in took too long. Start again.',
  sso_state_invalid: 'This answer from the identity provider does not belong to a sign-in started in this browser. Start again.',
  sso_provider_error: 'The identity provider could not complete the sign-in. Try again later or ask your administrator.',
  sso_token_invalid: 'The identity provider’s answer could not be verified. Ask your administrator.',
  sso_unknown_user: 'There is no account here for this identity. Ask your administrator.',
  sso_account_conflict: 'The account this identity names is already linked to another identity. Ask your administrator.',
  sso_not_allowed: 'This account may not sign in with single sign-on. Ask your administrator.',
};
