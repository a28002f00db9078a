/**
 * The verification-code window: its fixed content size, and its page in each language (the page's
 * first frame, drawn before any script runs, already carries the words in the window's language).
 */
import type { UiLanguage } from '../messages/language.js';

/** Content size in CSS pixels; the window cannot be resized, so everything must fit in it. */
export const CODE_WINDOW_SIZE = { width: 400, height: 580 } as const;

export function codePageFile(language: UiLanguage): string {
  return language === 'fi' ? 'code-fi.html' : 'code.html';
}

export function isCodePagePath(pathname: string): boolean {
  return /\/code(-[a-z]{2})?\.html$/.test(pathname);
}
