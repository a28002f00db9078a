/**
 * The secrets of one browser sign-in between the app and the sign-in server (RFC 7636, RFC 6749
 * section 10.12): a PKCE code verifier with its S256 challenge, and a `state` that marks the browser's
 * return as this sign-in's. 32 random bytes each, in base64url: 43 characters, 256 bits.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface BrowserSignInSecrets {
  /** Sent only to the server's exchange, never to the browser. */
  readonly codeVerifier: string;
  readonly codeChallenge: string;
  readonly state: string;
}

/** RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))), without padding. */
export function s256Challenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

export function newBrowserSignInSecrets(random: (size: number) => Buffer = randomBytes): BrowserSignInSecrets {
  const codeVerifier = random(32).toString('base64url');
  return { codeVerifier, codeChallenge: s256Challenge(codeVerifier), state: random(32).toString('base64url') };
}

/** Compares a `state` that arrived with ours without telling a prober, by timing, how much of it was right. */
export function isSameState(arrived: string, ours: string): boolean {
  const a = Buffer.from(arrived, 'utf8');
  const b = Buffer.from(ours, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
