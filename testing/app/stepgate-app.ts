/** The app as a test meets it: its windows as page objects, in the language it speaks. */
import type { Browser, ElectronApplication, Page } from '@playwright/test';
import { messagesFor } from '../../shared/messages/catalogue.js';
import type { Messages } from '../../shared/messages/en.js';
import { pickLanguage, type UiLanguage } from '../../shared/messages/language.js';
import { AboutView } from '../pages/about-view.js';
import { BrowserSignInView } from '../pages/browser-sign-in-view.js';
import { CodeWindow } from '../pages/code-window.js';
import { EnrollmentNeededView } from '../pages/enrollment-needed-view.js';
import { LoginWindow } from '../pages/login-window.js';
import { ServerAddressView } from '../pages/server-address-view.js';
import { SignedInView } from '../pages/signed-in-view.js';
import type { AppHandle } from './app-handle.js';
import { launchElectron } from './launch-electron.js';
import { launchPreview } from './launch-preview.js';
import type { LaunchOptions, StepgateTarget } from './target.js';

export interface StepgateApp {
  readonly kind: StepgateTarget['kind'];
  /** The language the app speaks: the `language` setting, else the first system language it knows, else English. */
  readonly language: UiLanguage;
  /** The app's words in that language, from its own catalogue. */
  readonly t: Messages;
  /** The main window's page (a new one after `restart`). */
  readonly page: Page;
  readonly serverAddress: ServerAddressView;
  readonly loginWindow: LoginWindow;
  /** Waiting for a sign-in through an identity provider in the system browser. */
  readonly browserSignIn: BrowserSignInView;
  readonly enrollmentNeeded: EnrollmentNeededView;
  readonly signedIn: SignedInView;
  /** "About Stepgate" in the login window's footer, with the diagnostics for IT support. */
  readonly about: AboutView;
  /** The verification-code window, once it is open. */
  codeWindow(): Promise<CodeWindow>;
  /** URLs the app handed to the default browser (the set-up page, two-factor settings, help, an identity provider's start), oldest first. */
  openedUrls(): Promise<readonly string[]>;
  /**
   * Whether one of the app's windows is in front now: Electron's focused window is the app's, visible
   * and not minimized (the preview: the app's tab was raised by the app and is visible). Where the
   * window manager refuses focus (Wayland) it is false, whatever the app asked.
   */
  broughtToFront(): Promise<boolean>;
  /** Quits and starts the app again with the same profile and keychain entries. */
  restart(): Promise<void>;
  close(): Promise<void>;
  /** Playwright's Electron application (its main process), or null in the preview. */
  readonly electronApp: ElectronApplication | null;
}

/** The language the app will speak with these options. */
export function languageOf(options: { readonly language?: UiLanguage | undefined; readonly systemLanguages?: readonly string[] | undefined }): UiLanguage {
  return options.language ?? pickLanguage(options.systemLanguages ?? ['en-US']);
}

export async function launchStepgate(target: StepgateTarget, options: LaunchOptions, browser: () => Promise<Browser>): Promise<StepgateApp> {
  const language = languageOf(options);
  const t = messagesFor(language);
  const handle: AppHandle = target.kind === 'preview' ? await launchPreview(await browser(), options, t) : await launchElectron(target, options);
  return {
    kind: handle.kind,
    language,
    t,
    get page() {
      return handle.page();
    },
    get serverAddress() {
      return new ServerAddressView(handle.page(), t);
    },
    get loginWindow() {
      return new LoginWindow(handle.page(), t);
    },
    get browserSignIn() {
      return new BrowserSignInView(handle.page(), t);
    },
    get enrollmentNeeded() {
      return new EnrollmentNeededView(handle.page(), t);
    },
    get signedIn() {
      return new SignedInView(handle.page(), t);
    },
    get about() {
      return new AboutView(handle.page(), t, () => handle.clipboardText());
    },
    codeWindow: async () => {
      const window = await handle.codeWindow();
      return new CodeWindow(window.page, window.scope, t);
    },
    openedUrls: () => handle.openedUrls(),
    broughtToFront: () => handle.broughtToFront(),
    restart: () => handle.restart(),
    close: () => handle.close(),
    get electronApp() {
      return handle.electronApp();
    },
  };
}
