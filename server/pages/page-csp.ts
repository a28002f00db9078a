/**
 * The Content Security Policy of the browser pages: only this origin's scripts and styles, nothing
 * inline, no eval; images also from data: URLs, for the enrollment QR code.
 * The one style hash is that of the empty string: input-otp appends an empty <style> element and
 * fills it through the CSSOM (which CSP allows); the hash lets that element exist without a report.
 * upgrade-insecure-requests only when served over https: on plain-http loopback it would send the
 * browser to an https address that does not exist.
 */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

export function pageCsp(secure: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' '${EMPTY_STYLE_HASH}'`,
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
