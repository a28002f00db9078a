/**
 * The page a browser sign-in through a provider ends on: it moves on to the page the person came
 * from. A redirect would not do: that request would still count as coming from the provider's site,
 * and the browser would hold back the SameSite=Strict session cookie just set. A page of this
 * origin that moves on makes the next request this site's own.
 */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export const CONTINUE_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function continuePage(next: string): string {
  const href = escapeHtml(next);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="refresh" content="0;url=${href}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Signed in</title>',
    '</head>',
    '<body>',
    `<main><p role="status">You are signed in. <a href="${href}">Continue</a></p></main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
