/**
 * The verification-code window: six boxes that are one text field, which submits by itself once
 * the sixth digit is in. In the packaged app it is a window of its own; in the browser preview a
 * modal dialog over the login window. Both are found by the same name.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { CONTRACT } from '../contract.js';
import { locate, type Scope } from './locate.js';

const C = CONTRACT['Verification-code window'];

export interface CodeOptions {
  /** Tick "Don't ask for a code on this computer" before the code goes. */
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
    t: Messages,
  ) {
    this.heading = locate(scope, C.heading, t);
    this.codeInput = locate(scope, C['verification code'], t);
    this.useRecoveryCodeButton = locate(scope, C['use a recovery code'], t);
    this.recoveryHeading = locate(scope, C['recovery-code heading'], t);
    this.recoveryCodeInput = locate(scope, C['recovery code'], t);
    this.verifyButton = locate(scope, C.verify, t);
    this.useAuthenticatorButton = locate(scope, C['use the authenticator app'], t);
    this.trustThisComputer = locate(scope, C['trust this computer'], t);
    this.helpButton = locate(scope, C.help, t);
    this.cancelButton = locate(scope, C.cancel, t);
    this.startAgainButton = locate(scope, C['start again'], t);
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
    await this.waitUntilReady();
    if (options.trustThisComputer === true) {
      await this.trustThisComputer.check();
      await this.codeInput.focus();
    }
    await this.page.keyboard.type(code);
  }

  /** Switches to a recovery code, types it (ticking "Don't ask for a code on this computer" with `trustThisComputer`) and presses "Verify". */
  async enterRecoveryCode(recoveryCode: string, options: CodeOptions = {}): Promise<void> {
    await this.useRecoveryCodeButton.click();
    await expect(this.recoveryCodeInput).toBeFocused();
    await this.recoveryCodeInput.fill(recoveryCode);
    if (options.trustThisComputer === true) await this.trustThisComputer.check();
    await this.verifyButton.click();
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
  }
}
