/** Where a page may send someone after sign-in: only the pages themselves, never another site. */
export const PAGE_PATHS = ['/signin', '/enroll', '/settings', '/admin'] as const;
export type PagePath = (typeof PAGE_PATHS)[number];

const AFTER_SIGN_IN: ReadonlySet<string> = new Set(['/enroll', '/settings', '/admin']);

export function safeNext(next: string | null | undefined): string | undefined {
  return next !== null && next !== undefined && AFTER_SIGN_IN.has(next) ? next : undefined;
}

export const signInUrl = (next: string): string => `/signin?next=${encodeURIComponent(next)}`;
