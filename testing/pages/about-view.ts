/**
 * "About Stepgate": the version, the server, and the diagnostics for IT support. `copyDiagnostics()`
 * copies them as a person does, from the login window; `StepgateApp.diagnostics()` gives the same
 * text from any state, the code window open included.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppProbe } from '../app/app-probe.js';
import { describeState } from '../app/app-probe.js';
import { withinTimeLimit } from '../app/time-limit.js';
import { CONTRACT } from '../contract.js';
import { dialogHolding, locate } from './locate.js';

const C = CONTRACT['About view'];
/** Collecting takes a few seconds at most (each probe has its own limit); the whole call gets this long. */
const COPY_TIMEOUT_MS = 15_000;
const STEP_TIMEOUT_MS = 5_000;

export class AboutView {
  /** "About Stepgate" in the login window's footer. */
  readonly openButton: Locator;
  readonly dialog: Locator;
  /** The diagnostics section, its facts as a definition list. */
  readonly diagnostics: Locator;
  readonly copyButton: Locator;
  readonly closeButton: Locator;

  constructor(
    readonly page: Page,
    private readonly probe: AppProbe,
    private readonly clipboardText: () => Promise<string | null>,
  ) {
    this.openButton = locate(page, C.open);
    this.dialog = dialogHolding(page, C.window);
    this.diagnostics = locate(this.dialog, C.diagnostics);
    this.copyButton = locate(this.dialog, C['copy diagnostics']);
    this.closeButton = locate(this.dialog, C.close);
  }

  /** Opens About and waits until the diagnostics are collected; fails within seconds, saying why, where About cannot be reached. */
  async open(): Promise<void> {
    await this.reachable('open()');
    if (!(await this.dialog.isVisible())) await this.openButton.click({ timeout: STEP_TIMEOUT_MS });
    await expect(this.diagnostics.getByRole('definition').first()).toBeVisible({ timeout: COPY_TIMEOUT_MS });
  }

  /**
   * Opens About if needed, presses "Copy diagnostics", waits until the app says they are copied and
   * returns the text copied. Within 15 seconds, or fails saying why (the code window covers About:
   * `stepgate.diagnostics()` works from there).
   */
  async copyDiagnostics(): Promise<string> {
    return withinTimeLimit(
      COPY_TIMEOUT_MS,
      'about.copyDiagnostics()',
      (async () => {
        await this.open();
        await this.copyButton.click({ timeout: STEP_TIMEOUT_MS });
        await expect(this.page.getByRole('status').filter({ hasText: this.probe.t.diagnostics.copied })).toHaveCount(1, { timeout: STEP_TIMEOUT_MS });
        const text = await this.clipboardText();
        if (text === null) throw new Error('about.copyDiagnostics(): "Copy diagnostics" said it copied, but the clipboard is empty');
        return text;
      })(),
    );
  }

  /** Presses "Close". */
  async close(): Promise<void> {
    await this.closeButton.click();
  }

  private async reachable(what: string): Promise<void> {
    const state = await this.probe.state();
    if (state.view === 'code') {
      throw new Error(
        `about.${what}: About is in the login window, behind ${describeState(state)}; stepgate.diagnostics() gives the same text from any state`,
      );
    }
  }
}
