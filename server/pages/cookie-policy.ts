/**
 * How the browser pages' cookies are named and flagged. Secure everywhere except plain http on this
 * computer (development and tests), where a Secure cookie would never be sent back; with Secure the
 * __Host- prefix also pins the cookie to this exact origin.
 */
export interface CookiePolicy {
  readonly secure: boolean;
  /** Holds the opaque session token. */
  readonly sessionName: string;
  /** Holds the random secret the CSRF tokens are derived from. */
  readonly csrfName: string;
}

/**
 * Holds a trusted computer's token. Its path is the API's, not `/`, so the __Host- prefix (which demands
 * `/`) cannot pin it; SameSite=Strict and HttpOnly keep it to this site's own requests.
 */
export const TRUSTED_COOKIE = 'stepgate_trusted';
export const TRUSTED_COOKIE_PATH = '/api/v1';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function cookiePolicy(origin: string): CookiePolicy {
  const url = new URL(origin);
  const secure = url.protocol === 'https:' || !isLoopbackHost(url.hostname);
  const prefix = secure ? '__Host-' : '';
  return { secure, sessionName: `${prefix}stepgate_session`, csrfName: `${prefix}stepgate_csrf` };
}

/** Attributes of both cookies: script cannot read them, no other site's request carries them. */
export const cookieAttributes = (policy: CookiePolicy) =>
  ({ httpOnly: true, sameSite: 'strict', secure: policy.secure, path: '/' }) as const;

/** The trusted computer's cookie: only the API's requests carry it (login reads it, GET /me marks "this computer"). */
export const trustedCookieAttributes = (policy: CookiePolicy) => ({ ...cookieAttributes(policy), path: TRUSTED_COOKIE_PATH }) as const;
