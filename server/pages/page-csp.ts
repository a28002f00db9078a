/**
 * The Content Security Policy of the browser pages: only this origin's scripts and styles (and the
 * code input's one empty <style> element, by its hash: see input-otp-style.ts), nothing inline, no
 * eval; images also from data: URLs, for the enrollment QR code.
 * upgrade-insecure-requests only when served over https: on plain-http loopback it would send the
 * browser to an https address that does not exist.
 */
import { STYLE_SRC } from '../../shared/security/input-otp-style.js';

export function pageCsp(secure: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    STYLE_SRC,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    ...(secure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
