/**
 * Who may open which page, decided on the server before the page loads, so a person without a
 * session is sent to sign in (and back afterwards) rather than shown an empty page.
 */
import type { SessionKind } from '../store/rows.js';

export type PageSession = { readonly kind: 'none' } | { readonly kind: SessionKind; readonly isAdmin: boolean };

export type PageDecision =
  | { readonly kind: 'serve'; readonly status: 200 | 403 }
  | { readonly kind: 'redirect'; readonly to: string };

export type ProtectedPage = '/enroll' | '/settings' | '/admin';

/** `hadSession`: the request carried a session cookie that no longer works, so the sign-in page says it ended. */
export function decidePage(page: ProtectedPage, session: PageSession, signInUrl: (next: string, ended: boolean) => string, hadSession = false): PageDecision {
  if (session.kind === 'none') return { kind: 'redirect', to: signInUrl(page, hadSession) };
  switch (page) {
    case '/enroll':
      return { kind: 'serve', status: 200 };
    case '/settings':
      // An enrollment session can do nothing but set up an authenticator.
      return session.kind === 'enrollment' ? { kind: 'redirect', to: '/enroll' } : { kind: 'serve', status: 200 };
    case '/admin':
      // The page itself says the person is not allowed; the status says it to scripts and tests.
      return { kind: 'serve', status: session.kind === 'full' && session.isAdmin ? 200 : 403 };
  }
}
