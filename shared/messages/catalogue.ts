/** The catalogues of one language: the desktop app's words and the browser pages'. */
import { en, type Messages } from './en.js';
import { fi } from './fi.js';
import type { UiLanguage } from './language.js';
import { pagesEn, type PagesMessages } from './pages-en.js';
import { pagesFi } from './pages-fi.js';
import { pseudoCatalogue } from './pseudo.js';

let pseudo: { readonly messages: Messages; readonly pages: PagesMessages } | undefined;
const pseudoCatalogues = () => (pseudo ??= { messages: pseudoCatalogue(en), pages: pseudoCatalogue(pagesEn) });

export function messagesFor(language: UiLanguage): Messages {
  switch (language) {
    case 'en':
      return en;
    case 'fi':
      return fi;
    case 'en-XA':
      return pseudoCatalogues().messages;
  }
}

export function pagesMessagesFor(language: UiLanguage): PagesMessages {
  switch (language) {
    case 'en':
      return pagesEn;
    case 'fi':
      return pagesFi;
    case 'en-XA':
      return pseudoCatalogues().pages;
  }
}
