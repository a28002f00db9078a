/**
 * The desktop app never sets up an authenticator: it shows no QR code and no secret, and sends
 * set-up to the browser. This looks for any sign of one in a window, so a test can assert the promise.
 */
import type { Page } from '@playwright/test';

export interface AuthenticatorSetUpOptions {
  /** The account's secret (base32) or its otpauth URI: it must not appear in any form, spaced or grouped. */
  readonly secret?: string;
}

/** The base32 key of an otpauth URI, or the key itself, without spaces or dashes, in capitals. */
function secretOf(value: string): string {
  const fromUri = value.startsWith('otpauth://') ? (new URL(value).searchParams.get('secret') ?? '') : value;
  return fromUri.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * What in this window looks like authenticator set-up, in words; empty when nothing does: a QR code
 * (a canvas, an image, a large drawing, or anything whose name, title or test id says QR), an
 * otpauth:// address, a run of 16 or more base32 characters (spaced or not), or the given secret.
 */
export async function authenticatorSetUpIn(page: Page, options: AuthenticatorSetUpOptions = {}): Promise<readonly string[]> {
  const secret = options.secret === undefined ? null : secretOf(options.secret);
  return page.evaluate((secret) => {
    const found: string[] = [];
    const all = [...document.querySelectorAll('*')];
    const said = (e: Element) => ['alt', 'aria-label', 'title', 'data-testid'].map((a) => e.getAttribute(a) ?? '').join(' ');
    for (const e of all) {
      const tag = e.tagName.toLowerCase();
      if (tag === 'canvas') found.push('a <canvas> (a QR code is drawn on one)');
      if (tag === 'img') found.push(`an image (${e.getAttribute('alt') ?? e.getAttribute('src')?.slice(0, 40) ?? ''})`);
      if (tag === 'svg') {
        const box = e.getBoundingClientRect();
        if (box.width > 64 && box.height > 64) found.push(`a drawing of ${Math.round(box.width)}×${Math.round(box.height)} px`);
      }
      if (/\bQR\b/i.test(said(e))) found.push(`an element named "${said(e).trim()}"`);
    }
    // What a person can see or copy: the text, every field's value, every attribute.
    const values = all.flatMap((e) => [...e.attributes].map((a) => a.value));
    const fields = [...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value);
    const text = [document.body.innerText, ...fields, ...values].join('\n');
    if (/otpauth:/i.test(text)) found.push('an otpauth:// address');
    const run = /(?:[A-Z2-7]{4}[ -]?){3,}[A-Z2-7]{4,}/.exec(text);
    if (run !== null) found.push(`a run of base32 characters like a secret ("${run[0].slice(0, 4)}…")`);
    if (secret !== null && secret !== '' && text.replace(/[\s-]/g, '').toUpperCase().includes(secret)) found.push("the account's secret");
    return found;
  }, secret);
}
