/**
 * The language a page is sent in: the one the operator forces, else the first the browser's
 * Accept-Language asks for that the pages speak, else English. The one HTML shell carries it in
 * <html lang>, where the page's script reads it.
 */
import { acceptLanguageTags, pickLanguage, type Language } from '../../shared/messages/language.js';

export function pageLanguage(acceptLanguage: string | undefined, forced: Language | undefined): Language {
  return forced ?? pickLanguage(acceptLanguageTags(acceptLanguage));
}

export function shellInLanguage(html: string, language: Language): string {
  return html.replace(/<html lang="[^"]*"/, `<html lang="${language}"`);
}
