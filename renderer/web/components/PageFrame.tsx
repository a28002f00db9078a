/** The frame of every page: the product name, where the person can go, sign out, and one <main>. */
import { useEffect, type ReactNode } from 'react';
import type { User } from '../../../shared/api/schemas.js';
import { en } from '../../../shared/messages/en.js';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import { api } from '../api/web-api.js';

export function PageFrame({ title, user, wide = false, children }: { readonly title: string; readonly user?: User | undefined; readonly wide?: boolean; readonly children: ReactNode }) {
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
        <span className="brand">{en.appName}</span>
        {user !== undefined && (
          <nav aria-label={pagesEn.frame.nav}>
            <a href="/settings">{pagesEn.frame.settings}</a>
            {user.isAdmin && <a href="/admin">{pagesEn.frame.admin}</a>}
            <span className="muted">{pagesEn.frame.signedInAs(user.displayName)}</span>
            <button type="button" className="secondary compact" onClick={() => void signOut()}>
              {pagesEn.frame.signOut}
            </button>
          </nav>
        )}
      </header>
      <main className={wide ? 'page wide' : 'page'}>{children}</main>
    </>
  );
}
