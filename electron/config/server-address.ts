/**
 * Checks a server address typed by a person or set by policy. Sign-in sends passwords, so the
 * address must use https; plain http is allowed only for this computer (development and tests).
 */
import type { ServerAddressProblem } from '../../shared/ipc/problem.js';

export type ParsedServerAddress =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: ServerAddressProblem };

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');
}

/** Is this a URL the app may send secrets to: https anywhere, http only on loopback. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export function parseServerAddress(raw: string): ParsedServerAddress {
  const text = raw.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  // People type "id.example.com"; https is the only sensible guess.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'notHttps' };
  if (url.hostname === '' || url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'malformed' };
  }
  if (!isSecureOrLoopback(url)) return { ok: false, reason: 'notHttps' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
