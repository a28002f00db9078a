/**
 * One way to drive the app for both projects. `chromium`: the browser preview, started in this
 * process with the real flow and the real keychain, in Debian's Chromium, where the code window is
 * a modal dialog in the same page. `electron`: the real app via _electron.launch, where the code
 * window is a second, modal BrowserWindow.
 */
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serverOnlyConfig } from '../../../electron/config/resolve-config.js';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import { keychainStore, loadKeytar } from '../../../electron/keychain/keytar-store.js';
import { startPreview, type Preview } from '../../../electron/preview/preview-server.js';
import { CODE_WINDOW_CONTENT } from '../../../electron/windows/window-options.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

export interface LaunchOptions {
  /** null: nothing configured, as on a first start without policy. */
  readonly serverUrl: string | null;
  /** Keychain entries of one app "installation"; the same value across a restart. */
  readonly keychainService: string;
  readonly apiTimeoutMs?: number;
  /** Display scaling, as Windows' 125% or 150%: the device pixel ratio the windows draw at. */
  readonly scaleFactor?: number;
}

export interface AppDriver {
  /** The login window. */
  readonly page: Page;
  /** The verification-code window: the same page in the preview, its own window in Electron. */
  codeWindow(): Promise<Page>;
  /**
   * The code window's own page at its content size: Electron's code window, or in the preview its
   * page (code.html) opened at the size Electron gives it.
   */
  separateCodeWindow(): Promise<Page>;
  /** URLs the app handed to the default browser. */
  openedUrls(): Promise<readonly string[]>;
  /** Quits and starts the app again, keeping its keychain. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

export async function launchPreviewApp(options: LaunchOptions): Promise<AppDriver> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const settingsDir = mkdtempSync(join(tmpdir(), 'stepgate-e2e-settings-'));
  const startOne = async (): Promise<Preview> => {
    return startPreview({
      rendererDir: join(ROOT, 'dist', 'renderer'),
      config: serverOnlyConfig(options.serverUrl),
      configEnvironment: { userSettingsPath: join(settingsDir, 'settings.json'), readFile: async () => ({ kind: 'absent' }) },
      credentials: keychainStore(await loadKeytar(), options.keychainService),
      ...(options.apiTimeoutMs === undefined ? {} : { apiTimeoutMs: options.apiTimeoutMs }),
    });
  };
  let preview = await startOne();
  const context = await browser.newContext(options.scaleFactor === undefined ? {} : { deviceScaleFactor: options.scaleFactor });
  let page = await context.newPage();
  await page.goto(`${preview.url}/`);
  return {
    get page() {
      return page;
    },
    codeWindow: async () => page,
    separateCodeWindow: async () => {
      const codePage = await context.newPage();
      await codePage.setViewportSize(CODE_WINDOW_CONTENT);
      await codePage.goto(`${preview.url}/code.html`);
      return codePage;
    },
    openedUrls: async () => preview.opened,
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
  const startOne = async (): Promise<{ app: ElectronApplication; page: Page }> => {
    const app = await _electron.launch({
      executablePath: binary.path,
      // The project folder, as `npm start` runs it: package.json's "main" is the built dist/electron/main.js.
      args: [
        ROOT,
        ...(options.serverUrl === null ? [] : ['--server', options.serverUrl]),
        ...(options.scaleFactor === undefined ? [] : [`--force-device-scale-factor=${options.scaleFactor}`]),
      ],
      env: { ...process.env, STEPGATE_KEYCHAIN_SERVICE: options.keychainService, STEPGATE_USER_DATA: userData },
    });
    // Record instead of opening a real browser; the flow has already checked the URL by then.
    await app.evaluate(({ shell }) => {
      const record: string[] = [];
      (globalThis as { stepgateOpened?: string[] }).stepgateOpened = record;
      shell.openExternal = async (url: string) => {
        record.push(url);
      };
    });
    const page = await app.firstWindow();
    return { app, page };
  };
  let current = await startOne();
  const codeWindow = async () => {
    const existing = current.app.windows().find((w) => w.url().endsWith('/code.html'));
    return existing ?? current.app.waitForEvent('window', { predicate: (w) => w.url().endsWith('/code.html') });
  };
  return {
    get page() {
      return current.page;
    },
    codeWindow,
    separateCodeWindow: codeWindow,
    openedUrls: () => current.app.evaluate(() => (globalThis as { stepgateOpened?: string[] }).stepgateOpened ?? []),
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
