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
    /** What the audit entry adds for the operator, e.g. the identity's subject to link with `sso link`. */
    readonly detail: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${reason}`);
  }
}

