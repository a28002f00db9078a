/**
 * CSRF protection for cookie-authenticated requests: the signed double-submit pattern. The browser
 * holds a random secret in an HttpOnly, SameSite=Strict cookie; the page fetches the token, an HMAC
 * of that secret, and sends it back in the x-csrf-token header. Another site can make the browser
 * send the cookie but can neither read the token nor set the header.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

export interface CsrfTokens {
  newSecret(): string;
  tokenFor(secret: string): string;
  verify(secret: string | undefined, token: string | undefined): boolean;
}

/** `key` is server-wide and lasts across restarts, so open pages keep working after one. */
export function csrfTokens(key: Buffer): CsrfTokens {
  const macKey = createHmac('sha256', key).update('stepgate pages csrf v1').digest();
  const tokenFor = (secret: string) => createHmac('sha256', macKey).update(secret, 'utf8').digest('base64url');
  return {
    newSecret: () => randomBytes(32).toString('base64url'),
    tokenFor,
    verify(secret, token) {
      if (secret === undefined || secret.length < 32 || token === undefined) return false;
      const expected = Buffer.from(tokenFor(secret));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
