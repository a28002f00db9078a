/**
 * One way to drive the app for both projects. `chromium`: the browser preview, started in this
 * process with the real flow and the real keychain, in Debian's Chromium, where the code window is
 * a modal dialog in the same page. `electron`: the real app via _electron.launch, where the code
 * window is a second, modal BrowserWindow.
 *
 * Every page of the app is watched: a Content Security Policy violation, a console error or
 * warning, or an uncaught exception is recorded, and the launch fixture fails the test on any.
 */
import { _electron, chromium, type Browser, type BrowserContext, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSource, resolveConfig } from '../../../electron/config/resolve-config.js';
import { noKeychain } from '../../../electron/keychain/credential-store.js';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import { keychainStore, loadKeytar } from '../../../electron/keychain/keytar-store.js';
import { startPreview, type Preview } from '../../../electron/preview/preview-server.js';
import { CODE_WINDOW_SIZE, codePageFile } from '../../../shared/ipc/code-window.js';
import type { UiLanguage } from '../../../shared/messages/language.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
import { watchPage } from './page-problems.js';

export interface LaunchOptions {
  /** null: nothing configured, as on a first start without policy. */
  readonly serverUrl: string | null;
  /** Keychain entries of one app "installation"; the same value across a restart. */
  readonly keychainService: string;
  readonly apiTimeoutMs?: number;
  /** The operating system's preferred languages, e.g. ["fi-FI"]; by default English. */
  readonly systemLanguages?: readonly string[];
  /** The language setting (the person's settings file), which wins over the system's. */
  readonly language?: UiLanguage;
  /** false: a computer without a keychain (no Secret Service). */
  readonly keychain?: boolean;
  /** Display scaling, as Windows' 125% or 150%: the device pixel ratio the windows draw at. */
  readonly scaleFactor?: number;
}

export interface AppDriver {
  /** The login window. */
  readonly page: Page;
  /** The verification-code window: the same page in the preview, its own window in Electron. */
  codeWindow(): Promise<Page>;
  /**
   * The code window on its own, at its fixed size: Electron's window, or in the preview the code
   * window's own page (as Electron loads it) in a page of that size, driving the same flow.
   */
  fixedSizeCodeWindow(): Promise<Page>;
  /** URLs the app handed to the default browser. */
  openedUrls(): Promise<readonly string[]>;
  /** How many times the app asked for its window to come to the front since it started. */
  broughtToFront(): Promise<number>;
  /** CSP violations, console errors and warnings, and uncaught exceptions in any of the app's pages. */
  readonly pageProblems: readonly string[];
  /** Quits and starts the app again, keeping its keychain. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

export async function launchPreviewApp(options: LaunchOptions): Promise<AppDriver> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const settingsDir = mkdtempSync(join(tmpdir(), 'stepgate-e2e-settings-'));
  const pageProblems: string[] = [];
  const startOne = async (): Promise<Preview> => {
    const settings = {
      ...(options.serverUrl === null ? {} : { serverUrl: options.serverUrl }),
      ...(options.language === undefined ? {} : { language: options.language }),
    };
    return startPreview({
      rendererDir: join(ROOT, 'dist', 'renderer'),
      config: resolveConfig([configSource('settings.json', 'userSettings', settings)]),
      configEnvironment: { userSettingsPath: join(settingsDir, 'settings.json'), readFile: async () => ({ kind: 'absent' }) },
      credentials: options.keychain === false ? noKeychain : keychainStore(await loadKeytar(), options.keychainService),
      systemLanguages: options.systemLanguages ?? ['en-US'],
      ...(options.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: options.apiTimeoutMs }),
    });
  };
  let preview = await startOne();
  const context: BrowserContext = await browser.newContext(options.scaleFactor === undefined ? {} : { deviceScaleFactor: options.scaleFactor });
  context.on('page', (page) => watchPage(page, pageProblems));
  let page = await context.newPage();
  await page.goto(`${preview.url}/`);
  return {
    get page() {
      return page;
    },
    codeWindow: async () => page,
    fixedSizeCodeWindow: async () => {
      const window = await context.newPage();
      await window.setViewportSize(CODE_WINDOW_SIZE);
      const language = await page.evaluate(() => document.documentElement.lang);
      await window.goto(`${preview.url}/${codePageFile(language === 'fi' ? 'fi' : 'en')}`);
      return window;
    },
    openedUrls: async () => preview.opened,
    broughtToFront: async () => preview.broughtToFront,
    pageProblems,
    restart: async () => {
      await page.close();
      await preview.close();
      preview = await startOne();
      page = await context.newPage();
      await page.goto(`${preview.url}/`);
    },
    close: async () => {
      await browser.close();
      await preview.close();
      rmSync(settingsDir, { recursive: true, force: true });
    },
  };
}

export async function launchElectronApp(options: LaunchOptions): Promise<AppDriver> {
  const binary = findElectronBinary();
  if (!binary.ok) throw new Error(binary.reason);
  const userData = mkdtempSync(join(tmpdir(), 'stepgate-e2e-userdata-'));
  const pageProblems: string[] = [];
  const [systemLanguage = 'en-US'] = options.systemLanguages ?? [];
  // Electron asks the operating system; on Linux that is the locale environment.
  const locale = `${systemLanguage.replace('-', '_')}.UTF-8`;
  const startOne = async (): Promise<{ app: ElectronApplication; page: Page }> => {
    const app = await _electron.launch({
      executablePath: binary.path,
      // The project folder, as `npm start` runs it: package.json's "main" is the built dist/electron/main.js.
      args: [
        ROOT,
        ...(options.serverUrl === null ? [] : ['--server', options.serverUrl]),
        ...(options.scaleFactor === undefined ? [] : [`--force-device-scale-factor=${options.scaleFactor}`]),
      ],
      env: {
        ...process.env,
        STEPGATE_KEYCHAIN_SERVICE: options.keychainService,
        STEPGATE_USER_DATA: userData,
        LANGUAGE: (options.systemLanguages ?? [systemLanguage]).map((l) => l.replace('-', '_')).join(':'),
        LANG: locale,
        LC_ALL: locale,
        // A desktop without a Secret Service: the keychain's D-Bus address leads nowhere.
        ...(options.keychain === false ? { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/stepgate-no-keychain' } : {}),
      },
    });
    app.on('window', (window) => watchPage(window, pageProblems));
    for (const window of app.windows()) watchPage(window, pageProblems);
    // Record instead of opening a real browser; the flow has already checked the URL by then.
    await app.evaluate(({ shell }) => {
      const record: string[] = [];
      (globalThis as { stepgateOpened?: string[] }).stepgateOpened = record;
      shell.openExternal = async (url: string) => {
        record.push(url);
      };
    });
    // Count requests to come to the front: a window's focus() beside what the window manager decides.
    await app.evaluate(({ BrowserWindow }) => {
      const counter = globalThis as { stepgateFocused?: number };
      counter.stepgateFocused = 0;
      const focus = BrowserWindow.prototype.focus;
      BrowserWindow.prototype.focus = function (this: Electron.BrowserWindow) {
        counter.stepgateFocused = (counter.stepgateFocused ?? 0) + 1;
        focus.call(this);
      };
    });
    const page = await app.firstWindow();
    return { app, page };
  };
  let current = await startOne();
  const codeWindow = async () => {
    const existing = current.app.windows().find((w) => /\/code(-[a-z]{2})?\.html$/.test(w.url()));
    return existing ?? current.app.waitForEvent('window', { predicate: (w) => /\/code(-[a-z]{2})?\.html$/.test(w.url()) });
  };
  return {
    get page() {
      return current.page;
    },
    codeWindow,
    fixedSizeCodeWindow: codeWindow,
    openedUrls: () => current.app.evaluate(() => (globalThis as { stepgateOpened?: string[] }).stepgateOpened ?? []),
    broughtToFront: () => current.app.evaluate(() => (globalThis as { stepgateFocused?: number }).stepgateFocused ?? 0),
    pageProblems,
    restart: async () => {
      await current.app.close();
      current = await startOne();
    },
    close: async () => {
      await current.app.close();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
