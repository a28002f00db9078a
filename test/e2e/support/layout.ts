/**
 * What a person would find cut off: the page scrolling sideways (or, in a window of fixed size,
 * needing to scroll at all), an element reaching outside the window, or text clipped inside its
 * box. Read in the page.
 */
import { expect, type Page } from '@playwright/test';
import { snap } from '../../support/gallery.js';

export function clippedContent(page: Page, options: { readonly fixedHeight: boolean } = { fixedHeight: true }): Promise<readonly string[]> {
  return page.evaluate((fixedHeight) => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the window scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    if (fixedHeight && root.scrollHeight > root.clientHeight) found.push(`the window needs ${root.scrollHeight - root.clientHeight}px more height`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id === '' ? '' : `#${el.id}`} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    // Text hidden the accessible way (a 1 px clipped box) is for screen readers, not clipped.
    const forScreenReaders = (el: Element): boolean => {
      for (let at: Element | null = el; at !== null; at = at.parentElement) {
        const box = at.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // The input drawn as boxes is transparent by design.
      if (el.closest('[data-input-otp], script, style, dialog:not([open])') !== null) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || forScreenReaders(el)) continue;
      if (box.right > window.innerWidth + 0.5 || box.left < -0.5) found.push(`${name(el)} reaches outside the window`);
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.textOverflow === 'ellipsis';
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) found.push(`${name(el)} is clipped`);
    }
    return found;
  }, options.fixedHeight);
}

/** Checks the code window at its fixed size for anything cut off, then puts the state into the gallery. */
export async function expectCodeWindowWhole(window: Page, state: string): Promise<void> {
  expect(await clippedContent(window), state).toEqual([]);
  await snap(window, 'desktop', `Code window: ${state}`);
}
