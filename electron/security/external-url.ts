/**
 * The only URLs the app hands to the default browser: https pages of the configured server (and
 * of origins policy adds), or http ones on loopback in development. Anything else could be a
 * phishing page or a local file the server, or a compromised renderer, tries to open.
 */
import { isLoopbackHost } from '../config/server-address.js';

export function isAllowedExternalUrl(candidate: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) return false;
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin === url.origin;
    } catch {
      return false;
    }
  });
}
