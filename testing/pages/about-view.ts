/**
 * "About Stepgate": the version, the server, and the diagnostics for IT support. `copyDiagnostics()`
 * gives a test the text a person would paste into a bug report, to attach to its own.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { CONTRACT } from '../contract.js';
import { locate } from './locate.js';

const C = CONTRACT['About view'];

export class AboutView {
  /** "About Stepgate" in the login window's footer. */
  readonly openButton: Locator;
  readonly dialog: Locator;
  /** The diagnostics section: a region named "Diagnostics", its facts as a definition list. */
  readonly diagnostics: Locator;
  readonly copyButton: Locator;
  readonly closeButton: Locator;

  constructor(
    readonly page: Page,
    private readonly t: Messages,
    private readonly clipboardText: () => Promise<string | null>,
  ) {
    this.openButton = locate(page, C.open, t);
    this.dialog = locate(page, C.window, t);
    this.diagnostics = locate(this.dialog, C.diagnostics, t);
    this.copyButton = locate(this.dialog, C['copy diagnostics'], t);
    this.closeButton = locate(this.dialog, C.close, t);
  }

  /** Opens About and waits until the diagnostics are collected (a few seconds at most). */
  async open(): Promise<void> {
    if (!(await this.dialog.isVisible())) await this.openButton.click();
    await expect(this.diagnostics.getByRole('definition').first()).toBeVisible({ timeout: 15_000 });
  }

  /** Opens About if needed, presses "Copy diagnostics", waits for "Diagnostics copied" and returns the text copied. */
  async copyDiagnostics(): Promise<string> {
    await this.open();
    await this.copyButton.click();
    await expect(this.page.getByRole('status').filter({ hasText: this.t.diagnostics.copied })).toHaveCount(1);
    const text = await this.clipboardText();
    if (text === null) throw new Error('"Copy diagnostics" said it copied, but the clipboard is empty');
    return text;
  }

  async close(): Promise<void> {
    await this.closeButton.click();
  }
}
