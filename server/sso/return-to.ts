/**
 * Where a sign-in started, from the start URL's query: the desktop app (RFC 8252 loopback redirect,
 * its state and PKCE challenge) or a browser page (the page to go back to). Pure, so every refusal
 * is tested without a server.
 */
import { safeNext } from '../../shared/pages/page-paths.js';
import type { SsoStartQuery } from '../../shared/api/schemas.js';
import type { ReturnTo } from '../store/rows.js';

/**
 * http://127.0.0.1:PORT/PATH and nothing else (RFC 8252 §7.3): not `localhost` (which a resolver or
 * hosts file may point elsewhere), no other loopback spelling, no user name, query or fragment, and a
 * path of plain segments (none of them `.` or `..`).
 */
const LOOPBACK_REDIRECT = /^http:\/\/127\.0\.0\.1:([1-9][0-9]{0,4})(\/|(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?)$/;

export const LOOPBACK_REDIRECT_RULE =
  'must be http://127.0.0.1:PORT/PATH with PORT from 1024 to 65535 (no other host or scheme, no user name, query or fragment)';

export function isLoopbackRedirect(raw: string): boolean {
  const match = LOOPBACK_REDIRECT.exec(raw);
  const port = Number(match?.[1]);
  if (match === null || port < 1024 || port > 65535) return false;
  // The URL parser must read it the same way, so nothing downstream can see another host or path.
  const url = new URL(raw);
  return url.hostname === '127.0.0.1' && url.port === match[1] && url.pathname === match[2] && url.href === raw;
}

const DESKTOP_FIELDS = ['redirect_uri', 'state', 'code_challenge', 'code_challenge_method'] as const;
export const DEFAULT_NEXT = '/settings';

export type ParsedStart = { readonly kind: 'ok'; readonly returnTo: ReturnTo } | { readonly kind: 'invalid'; readonly fields: Readonly<Record<string, string>> };

export function parseStart(query: SsoStartQuery): ParsedStart {
  const present = DESKTOP_FIELDS.filter((f) => query[f] !== undefined);
  const fields: Record<string, string> = {};
  if (present.length > 0) {
    for (const f of DESKTOP_FIELDS) if (query[f] === undefined) fields[f] = 'is required with the other loopback sign-in parameters';
    if (query.redirect_uri !== undefined && !isLoopbackRedirect(query.redirect_uri)) fields['redirect_uri'] = LOOPBACK_REDIRECT_RULE;
    if (query.next !== undefined) fields['next'] = 'is not allowed with redirect_uri';
    if (Object.keys(fields).length > 0 || query.redirect_uri === undefined || query.state === undefined || query.code_challenge === undefined) {
      return { kind: 'invalid', fields };
    }
    return { kind: 'ok', returnTo: { kind: 'desktop', redirectUri: query.redirect_uri, state: query.state, codeChallenge: query.code_challenge } };
  }
  const next = query.next === undefined ? DEFAULT_NEXT : safeNext(query.next);
  if (next === undefined) return { kind: 'invalid', fields: { next: 'must be /enroll, /settings or /admin' } };
  return { kind: 'ok', returnTo: { kind: 'browser', next } };
}
