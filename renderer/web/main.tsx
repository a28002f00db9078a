/** Entry of the browser pages: one bundle, the view chosen by the path the server answered, in the language it negotiated. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import './web.css';
import { AnnouncerProvider } from '../components/Announcer.js';
import { documentLanguage, LanguageProvider } from '../i18n/messages.js';
import { AdminPage } from './pages/AdminPage.js';
import { EnrollPage } from './pages/EnrollPage.js';
import { HandoffPage } from './pages/HandoffPage.js';
import { HelpPage } from './pages/HelpPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';

const PAGES = { '/signin': SignInPage, '/enroll': EnrollPage, '/settings': SettingsPage, '/admin': AdminPage, '/help': HelpPage, '/handoff': HandoffPage } as const;

const Page = PAGES[window.location.pathname as keyof typeof PAGES] ?? SignInPage;
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider language={documentLanguage()}>
        <AnnouncerProvider>
          <Page />
        </AnnouncerProvider>
      </LanguageProvider>
    </StrictMode>,
  );
}
