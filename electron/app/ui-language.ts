/**
 * The language of the app's words: forced by policy or settings, else the first of the operating
 * system's preferred languages that Stepgate speaks, else English.
 */
import { pickLanguage, type UiLanguage } from '../../shared/messages/language.js';

export function uiLanguage(forced: UiLanguage | null, systemLanguages: readonly string[]): UiLanguage {
  return forced ?? pickLanguage(systemLanguages);
}

/**
 * The languages a POSIX process environment asks for, most preferred first, as gettext reads them
 * (LANGUAGE is a colon-separated list; LC_ALL, LC_MESSAGES and LANG are single locales). For the
 * browser preview, which has no Electron to ask the operating system.
 */
export function environmentLanguages(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  // gettext ignores LANGUAGE when the locale is C or POSIX.
  if (locale === undefined || locale === 'C' || locale === 'POSIX' || locale.startsWith('C.')) return [];
  const listed = (env['LANGUAGE'] ?? '').split(':').filter((v) => v !== '');
  return [...listed, locale];
}
