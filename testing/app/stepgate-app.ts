/** The app as a test meets it: its windows as page objects, in the language it speaks, and its state as values. */
import { expect, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { diagnosticsText } from '../../shared/diagnostics/diagnostics-lines.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import { pickLanguage, type UiLanguage } from '../../shared/messages/language.js';
import { AboutView } from '../pages/about-view.js';
import { authenticatorSetUpIn, type AuthenticatorSetUpOptions } from '../pages/authenticator-set-up.js';
import { BrowserSignInView } from '../pages/browser-sign-in-view.js';
import { CodeWindow } from '../pages/code-window.js';
import { EnrollmentNeededView } from '../pages/enrollment-needed-view.js';
import { LoginWindow } from '../pages/login-window.js';
import { ServerAddressView } from '../pages/server-address-view.js';
import { SignedInView } from '../pages/signed-in-view.js';
import { stateOf, type StepgateState } from '../state/app-state.js';
import type { AppHandle } from './app-handle.js';
import { describeState, waitForState, type AppProbe } from './app-probe.js';
import { launchElectron } from './launch-electron.js';
import { launchPreview } from './launch-preview.js';
import type { LaunchOptions, StepgateTarget } from './target.js';
import { messageOf, withinTimeLimit } from './time-limit.js';

/** How long `codeWindow()` waits for the app to open it after "Sign in". */
const CODE_WINDOW_TIMEOUT_MS = 10_000;
/** Asking the app for its state or diagnostics takes well under this; past it, the app is taken not to answer. */
const ASK_TIMEOUT_MS = 10_000;

export interface DiagnosticsOptions {
  /** How long to wait for the app's answer; 10 s by default. */
  readonly timeoutMs?: number;
}

export interface StepgateApp extends AppProbe {
  readonly kind: StepgateTarget['kind'];
  /** The language the app speaks: the `language` setting, else the first system language it knows, else English. */
  readonly language: UiLanguage;
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
  /**
   * The verification-code window, once the app has opened it (within 10 s); fails at once, naming
   * what the app shows instead, when the sign-in went elsewhere (signed in without a code, set-up needed).
   */
  codeWindow(): Promise<CodeWindow>;
  /** What the app shows now, as values: the view, a problem's kind, attempts left, seconds to wait, the trusted-until date. */
  state(): Promise<StepgateState>;
  /** Whether the app can use this computer's keychain: without one it remembers nothing and offers neither "Keep me signed in" nor trust. */
  keychainAvailable(): Promise<boolean>;
  /**
   * The text "Copy diagnostics" gives, from any state (the code window open too), through the app's
   * own bridge, within `timeoutMs`; fails saying why when the app cannot answer (it quit, it hangs).
   */
  diagnostics(options?: DiagnosticsOptions): Promise<string>;
  /** Asserts that no window of the app shows authenticator set-up: no QR code, no otpauth address, no secret (and not `secret`, if given). */
  expectNoAuthenticatorSetUp(options?: AuthenticatorSetUpOptions): Promise<void>;
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

/** Asks the app, within a time limit, with a sentence that says what failed. */
function ask<T>(handle: AppHandle, what: string, timeoutMs: number, question: () => Promise<T>): Promise<T> {
  if (handle.page().isClosed()) return Promise.reject(new Error(`${what}: the app's window is closed (the app quit or crashed)`));
  return withinTimeLimit(timeoutMs, `${what}: the app`, question()).catch((error: unknown) => {
    throw new Error(messageOf(error).startsWith(what) ? messageOf(error) : `${what}: the app could not answer: ${messageOf(error)}`);
  });
}

export async function launchStepgate(target: StepgateTarget, options: LaunchOptions, browser: () => Promise<Browser>): Promise<StepgateApp> {
  const language = languageOf(options);
  const t = messagesFor(language);
  const handle: AppHandle = target.kind === 'preview' ? await launchPreview(await browser(), options) : await launchElectron(target, options);
  const probe: AppProbe = {
    t,
    launchOptions: options,
    state: async () => stateOf(await ask(handle, 'state()', ASK_TIMEOUT_MS, () => handle.view())),
    keychainAvailable: async () => (await ask(handle, 'keychainAvailable()', ASK_TIMEOUT_MS, () => handle.diagnostics())).keychain.kind !== 'unavailable',
  };
  return {
    ...probe,
    kind: handle.kind,
    language,
    get page() {
      return handle.page();
    },
    get serverAddress() {
      return new ServerAddressView(handle.page());
    },
    get loginWindow() {
      return new LoginWindow(handle.page(), probe);
    },
    get browserSignIn() {
      return new BrowserSignInView(handle.page());
    },
    get enrollmentNeeded() {
      return new EnrollmentNeededView(handle.page());
    },
    get signedIn() {
      return new SignedInView(handle.page());
    },
    get about() {
      return new AboutView(handle.page(), probe, () => handle.clipboardText());
    },
    codeWindow: async () => {
      await waitForState(probe, (s): s is Extract<StepgateState, { view: 'code' }> => s.view === 'code', {
        what: 'codeWindow()',
        timeoutMs: CODE_WINDOW_TIMEOUT_MS,
        // A sign-in that went elsewhere will not open it: say so now rather than after the time limit.
        refuse: (s) => (s.view === 'signedIn' || s.view === 'enrollmentNeeded' || s.view === 'browserSignIn' ? `no verification-code window: the app shows ${describeState(s)}` : null),
      });
      const window = await handle.codeWindow();
      return new CodeWindow(window.page, window.scope, probe);
    },
    diagnostics: async (diagnosticsOptions = {}) => {
      const report = await ask(handle, 'diagnostics()', diagnosticsOptions.timeoutMs ?? ASK_TIMEOUT_MS, () => handle.diagnostics());
      return diagnosticsText(report, t);
    },
    expectNoAuthenticatorSetUp: async (setUpOptions = {}) => {
      for (const page of handle.pages()) {
        const found = await authenticatorSetUpIn(page, setUpOptions);
        expect(found, `authenticator set-up in the app's window ${page.url()}`).toEqual([]);
      }
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
