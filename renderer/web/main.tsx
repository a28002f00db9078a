/** Entry of the browser pages: one bundle, the view chosen by the path the server answered. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import './web.css';
import { AdminPage } from './pages/AdminPage.js';
import { EnrollPage } from './pages/EnrollPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SignInPage } from './pages/SignInPage.js';

const PAGES = { '/signin': SignInPage, '/enroll': EnrollPage, '/settings': SettingsPage, '/admin': AdminPage } as const;

const Page = PAGES[window.location.pathname as keyof typeof PAGES] ?? SignInPage;
const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
