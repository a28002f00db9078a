/** Where a page may send someone after sign-in: only the pages themselves, never another site. */
export const PAGE_PATHS = ['/signin', '/enroll', '/settings', '/admin'] as const;
export type PagePath = (typeof PAGE_PATHS)[number];

export type AfterSignIn = '/enroll' | '/settings' | '/admin';
const AFTER_SIGN_IN: ReadonlySet<string> = new Set<AfterSignIn>(['/enroll', '/settings', '/admin']);

export function safeNext(next: string | null | undefined): AfterSignIn | undefined {
  return next !== null && next !== undefined && AFTER_SIGN_IN.has(next) ? (next as AfterSignIn) : undefined;
}

/**
 * The sign-in page, to come back to `next`. `ended`: the browser had a session that has ended, which the
 * page then says; without it the page says what signing in is for (a first visit, a link from the app).
 */
export const signInUrl = (next: string, ended = false): string => `/signin?next=${encodeURIComponent(next)}${ended ? '&ended=1' : ''}`;
