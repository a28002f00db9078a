/** The frame of every page: the product name, where the person can go, sign out, and one <main> (which starts with what a sign-in just did, if anything). */
import { useEffect, type ReactNode } from 'react';
import type { User } from '../../../shared/api/schemas.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { api } from '../api/web-api.js';
import { SignInNoteText } from './SignInNoteText.js';

export function PageFrame({ title, user, wide = false, children }: { readonly title: string; readonly user?: User | undefined; readonly wide?: boolean; readonly children: ReactNode }) {
  const t = usePagesMessages();
  const appName = useMessages().appName;
  useEffect(() => {
    document.title = title;
  }, [title]);

  const signOut = async () => {
    await api('POST', '/auth/logout');
    window.location.assign('/signin?signedOut=1');
  };

  return (
    <>
      <header className="page-header">
        <span className="brand">{appName}</span>
        {user !== undefined && (
          <nav aria-label={t.frame.nav}>
            <a href="/settings">{t.frame.settings}</a>
            {user.isAdmin && <a href="/admin">{t.frame.admin}</a>}
            <span className="muted">{t.frame.signedInAs(user.displayName)}</span>
            <button type="button" className="secondary compact" onClick={() => void signOut()}>
              {t.frame.signOut}
            </button>
          </nav>
        )}
      </header>
      <main className={wide ? 'page wide' : 'page'}>
        <SignInNoteText />
        {children}
      </main>
    </>
  );
}
