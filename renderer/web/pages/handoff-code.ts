/**
 * The hand-off code the desktop app put in this page's fragment. A fragment reaches no server and no
 * Referer; it is taken out of the address at once, so it stays in neither the history nor a bookmark.
 */
const CODE = /^[A-Za-z0-9_-]{1,128}$/;

let taken: { readonly code: string | null } | undefined;

/** Read once per page load (a second render must not find the fragment gone and lose the code). */
export function handoffCode(): string | null {
  if (taken === undefined) {
    const code = window.location.hash.slice(1);
    if (window.location.hash !== '') window.history.replaceState(null, '', window.location.pathname);
    taken = { code: CODE.test(code) ? code : null };
  }
  return taken.code;
}
