/**
 * The frame of every page: the product name, where the person can go, sign out, and one <main> (which
 * starts with what a sign-in just did, if anything). "Signed out" is said only once the server has ended
 * the session: the browser keeps the cookie until then, so a sign-out the server did not hear is said
 * as an error, with focus on Sign out to try again.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { User } from '../../../shared/api/schemas.js';
import { useMessages, usePagesMessages } from '../../i18n/messages.js';
import { api, isCode } from '../api/web-api.js';
import { ErrorText } from './Messages.js';
import { SignInNoteText } from './SignInNoteText.js';

const SIGN_OUT_PROBLEM_ID = 'sign-out-problem';

export function PageFrame({ title, user, wide = false, children }: { readonly title: string; readonly user?: User | undefined; readonly wide?: boolean; readonly children: ReactNode }) {
  const t = usePagesMessages();
  const appName = useMessages().appName;
  useEffect(() => {
    document.title = title;
  }, [title]);

  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);

  const signOut = async () => {
    // Cleared first: the alert appears anew after each failed try, so it is announced each time.
    setSignOutProblem(null);
    const result = await api('POST', '/auth/logout');
    // 401: the session had already ended; nothing is left to sign out of.
    if (result.ok || isCode(result.failure, 'unauthorized')) {
      window.location.assign('/signin?signedOut=1');
      return;
    }
    setSignOutProblem(t.frame.signOutFailed);
    signOutButton.current?.focus();
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
            <button
              ref={signOutButton}
              type="button"
              className="secondary compact"
              aria-describedby={signOutProblem === null ? undefined : SIGN_OUT_PROBLEM_ID}
              onClick={() => void signOut()}
            >
              {t.frame.signOut}
            </button>
          </nav>
        )}
      </header>
      <main className={wide ? 'page wide' : 'page'}>
        {signOutProblem !== null && <ErrorText id={SIGN_OUT_PROBLEM_ID} text={signOutProblem} />}
        <SignInNoteText />
        {children}
      </main>
    </>
  );
}
