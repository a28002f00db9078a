/**
 * The Content Security Policy of every app page, sent as a header by the app:// protocol and by
 * the browser preview. Only the app's own scripts and styles run (and the code input's one empty
 * <style> element, by its hash); the renderer talks to nothing but its own origin (the main
 * process makes every server request).
 */
import { STYLE_SRC } from '../../shared/security/input-otp-style.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  STYLE_SRC,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Extra headers for app pages: no MIME sniffing, no referrer. (No COOP: app pages open no
 * popups, and it would make Chromium start a fresh process for every code window.)
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
