/**
 * The language of a window or page, and its catalogues. The desktop windows take the language from
 * the main process's view; the browser pages from the lang attribute the server negotiated.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { Messages } from '../../shared/messages/en.js';
import { messagesFor, pagesMessagesFor } from '../../shared/messages/catalogue.js';
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from '../../shared/messages/language.js';
import type { PagesMessages } from '../../shared/messages/pages-en.js';

const LanguageContext = createContext<UiLanguage>(DEFAULT_LANGUAGE);

export function LanguageProvider({ language, children }: { readonly language: UiLanguage; readonly children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export const useLanguage = (): UiLanguage => useContext(LanguageContext);
export const useMessages = (): Messages => messagesFor(useLanguage());
export const usePagesMessages = (): PagesMessages => pagesMessagesFor(useLanguage());

/** The language a page was served in: the server writes it into <html lang>. */
export function documentLanguage(): UiLanguage {
  const lang = document.documentElement.lang;
  return isUiLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}
