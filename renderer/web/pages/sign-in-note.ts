/**
 * What the sign-in has to tell the page it leads to about this computer: that it was trusted just
 * now, or that it was trusted already and so no code was asked. Sign-in ends with a full page load,
 * so the note travels in this tab's sessionStorage (never a token: only when the trust ends) and is
 * read once by the next page. A query parameter would let any link make a page claim this.
 */
export type SignInNote = { readonly kind: 'trusted' | 'codeSkipped'; readonly expiresAt: string };

const KEY = 'stepgate.signInNote';

/** The note in a stored text, or null for anything that is not one. */
export function parseSignInNote(text: string | null): SignInNote | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { kind, expiresAt } = value as Record<string, unknown>;
    if ((kind !== 'trusted' && kind !== 'codeSkipped') || typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) return null;
    return { kind, expiresAt };
  } catch {
    return null;
  }
}

/** Storage may be turned off; the sign-in then still goes on, without the note. */
export function leaveSignInNote(note: SignInNote): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(note));
  } catch {
    // Nothing to tell then.
  }
}

export function readSignInNote(): SignInNote | null {
  try {
    return parseSignInNote(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function clearSignInNote(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was stored then.
  }
}
