/** What a launcher gives: the app's windows and its outside effects, before page objects are put over them. */
import type { ElectronApplication, Locator, Page } from '@playwright/test';
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
  codeWindow(): Promise<CodeWindowHandle>;
  openedUrls(): Promise<readonly string[]>;
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Playwright's handle on the Electron app; null in the preview. */
  electronApp(): ElectronApplication | null;
}
