/**
 * The verification-code window: six boxes that are one text field, which submits by itself once
 * the sixth digit is in. In the packaged app it is a window of its own; in the browser preview a
 * modal dialog over the login window. Both hold the same elements, found by the same test ids.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppProbe } from '../app/app-probe.js';
import { CONTRACT } from '../contract.js';
import { whyTrustNotOffered } from '../state/not-offered.js';
import { locate, type Scope } from './locate.js';

const C = CONTRACT['Verification-code window'];

export interface CodeOptions {
  /** Tick "Don't ask for a code on this computer" before the code goes; fails at once where it is not offered. */
  readonly trustThisComputer?: boolean;
}

export class CodeWindow {
  readonly heading: Locator;
  /** The one field drawn as six boxes. */
  readonly codeInput: Locator;
  readonly useRecoveryCodeButton: Locator;
  readonly recoveryHeading: Locator;
  readonly recoveryCodeInput: Locator;
  readonly verifyButton: Locator;
  readonly useAuthenticatorButton: Locator;
  /**
   * "Don't ask for a code on this computer for N days", whatever N is; absent where the server, policy
   * or a missing keychain does not offer it. Tick it before the code is complete (`enterCode` with
   * `trustThisComputer` does): a complete code is sent at once, with the box as it is then.
   */
  readonly trustThisComputer: Locator;
  readonly helpButton: Locator;
  readonly cancelButton: Locator;
  readonly startAgainButton: Locator;
  /** A wrong code, an expired request: said at once. (A lock-out's countdown is spoken once, politely, and has no alert role.) */
  readonly problem: Locator;

  /** `page`: the window's page, whose keyboard types; `scope`: the window's content (the dialog in the preview). */
  constructor(
    readonly page: Page,
    scope: Scope,
    private readonly probe: AppProbe,
  ) {
    this.heading = locate(scope, C.heading);
    this.codeInput = locate(scope, C['verification code']);
    this.useRecoveryCodeButton = locate(scope, C['use a recovery code']);
    this.recoveryHeading = locate(scope, C['recovery-code heading']);
    this.recoveryCodeInput = locate(scope, C['recovery code']);
    this.verifyButton = locate(scope, C.verify);
    this.useAuthenticatorButton = locate(scope, C['use the authenticator app']);
    this.trustThisComputer = locate(scope, C['trust this computer']);
    this.helpButton = locate(scope, C.help);
    this.cancelButton = locate(scope, C.cancel);
    this.startAgainButton = locate(scope, C['start again']);
    this.problem = scope.getByRole('alert');
  }

  /**
   * Resolves when the code field has focus, takes typing and is empty: at once when the window
   * opens, and again when the answer to a code has come (while a code is checked, and during a
   * lock-out, it is read-only; until the answer, it still holds the code that was sent).
   */
  async waitUntilReady(): Promise<void> {
    await expect(this.codeInput).toBeFocused();
    await expect(this.codeInput).toBeEditable();
    await expect(this.codeInput).toHaveValue('');
  }

  /**
   * Types the code into the focused field as a person does. Six digits submit by themselves:
   * nothing is pressed after them, and the window closes (or says what was wrong) on its own.
   * With `trustThisComputer`, ticks "Don't ask for a code on this computer" first and goes back to the field.
   */
  async enterCode(code: string, options: CodeOptions = {}): Promise<void> {
    await this.prepare('enterCode', options);
    await this.page.keyboard.type(code);
  }

  /**
   * Pastes `text` into the code field as Ctrl+V (⌘V) does, e.g. "123 456" or "123-456" copied from
   * a password manager: the app keeps the digits, and six of them submit by themselves. The paste
   * event carries the text as its clipboard data, so the system clipboard is neither read nor changed.
   */
  async pasteCode(text: string, options: CodeOptions = {}): Promise<void> {
    await this.prepare('pasteCode', options);
    await this.codeInput.evaluate((input, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Switches to a recovery code, types it (ticking "Don't ask for a code on this computer" with `trustThisComputer`) and presses "Verify". */
  async enterRecoveryCode(recoveryCode: string, options: CodeOptions = {}): Promise<void> {
    await this.useRecoveryCodeButton.click();
    await expect(this.recoveryCodeInput).toBeFocused();
    await this.recoveryCodeInput.fill(recoveryCode);
    if (options.trustThisComputer === true) await this.tickTrust('enterRecoveryCode');
    await this.verifyButton.click();
  }

  /** Presses "Cancel": back to the login window. */
  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }

  private async prepare(what: string, options: CodeOptions): Promise<void> {
    await this.waitUntilReady();
    if (options.trustThisComputer !== true) return;
    await this.tickTrust(what);
    await this.codeInput.focus();
  }

  /** The window is drawn by now (its field or form has focus): a choice it does not show is not offered. */
  private async tickTrust(what: string): Promise<void> {
    const state = await this.probe.state();
    if (state.view === 'code' && state.trustDays === null) {
      throw new Error(`${what}(…, { trustThisComputer: true }): the code window does not offer "Don't ask for a code on this computer": ${await whyTrustNotOffered(this.probe)}`);
    }
    await this.trustThisComputer.check();
  }
}
