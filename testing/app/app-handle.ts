/** What a launcher gives: the app's windows and its outside effects, before page objects are put over them. */
import type { ElectronApplication, Locator, Page } from '@playwright/test';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import type { AppView } from '../../shared/ipc/view.js';
import type { StepgateTarget } from './target.js';

export interface CodeWindowHandle {
  /** The page whose keyboard types into the code window. */
  readonly page: Page;
  /** Where its content is: the window itself, or the dialog in the preview. */
  readonly scope: Page | Locator;
}

export interface AppHandle {
  readonly kind: StepgateTarget['kind'];
  /** The login window's page (it changes on restart). */
  page(): Page;
  /** Every window's page now open (the preview has one, the code window a dialog in it). */
  pages(): readonly Page[];
  codeWindow(): Promise<CodeWindowHandle>;
  openedUrls(): Promise<readonly string[]>;
  /** Whether one of the app's windows is in front now: focused, visible, not minimized. */
  broughtToFront(): Promise<boolean>;
  /** The view the app's windows draw now, from its sign-in flow. */
  view(): Promise<AppView>;
  /** The diagnostics About shows, collected now through the app's own bridge (no window need be reachable). */
  diagnostics(): Promise<Diagnostics>;
  /** The text on the clipboard (Electron), or what the preview kept of "Copy diagnostics"; null when there is none. */
  clipboardText(): Promise<string | null>;
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Playwright's handle on the Electron app; null in the preview. */
  electronApp(): ElectronApplication | null;
}
