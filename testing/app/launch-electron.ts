/**
 * The real app through Playwright's Electron support: a packaged end-to-end build by its
 * executable, or an app folder run by an Electron binary. Each launch gets a profile folder of its
 * own (kept across restarts), the server and keychain entries given, and the system languages as a
 * Linux locale environment. "Open in browser" is recorded instead of performed; whether a window
 * is in front is read from Electron's focused window.
 */
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, NOT_INSTALLED } from '../../electron/launch/electron-binary.js';
import { BRIDGE_GLOBAL, type StepgateBridge } from '../../shared/ipc/bridge.js';
import { isCodePagePath } from '../../shared/ipc/code-window.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import type { AppView } from '../../shared/ipc/view.js';
import type { AppHandle } from './app-handle.js';
import type { LaunchOptions, StepgateTarget } from './target.js';

type ElectronTarget = Exclude<StepgateTarget, { kind: 'preview' }>;

/**
 * The Electron binary an app folder's own node_modules provide, or why there is none. Read from the
 * electron package's path.txt and dist/ folder, never by loading the package: since Electron 42 its
 * main export downloads the runtime when it is missing, which offline fails or hangs.
 */
export function electronBinaryOf(appDir: string): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string } {
  const found = findElectronBinary({ from: appDir });
  if (found.ok || found.reason !== NOT_INSTALLED) return found;
  return { ok: false, reason: `the Electron runtime is not installed in ${appDir} (\`npx install-electron --no\` there fetches it)` };
}

// Always an executable path: without one, Playwright would load the electron package, which since Electron 42 downloads the runtime where it is missing.
function commandOf(target: ElectronTarget): { readonly executablePath: string; readonly appArgs: readonly string[] } {
  const extra = target.args ?? [];
  if (target.kind === 'packaged') return { executablePath: target.executablePath, appArgs: [...extra] };
  if (target.electronPath !== undefined) return { executablePath: target.electronPath, appArgs: [target.appDir, ...extra] };
  const binary = electronBinaryOf(target.appDir);
  if (!binary.ok) throw new Error(binary.reason);
  return { executablePath: binary.path, appArgs: [target.appDir, ...extra] };
}

const CODE_WINDOW_TIMEOUT_MS = 10_000;

/** One of the argumentless bridge calls, made in a window's page as its own views make it. */
function askBridge(page: Page, call: 'getState' | 'diagnostics'): Promise<AppView | Diagnostics> {
  return page.evaluate(
    async ({ name, call }) => {
      const bridge = (window as unknown as Record<string, StepgateBridge | undefined>)[name];
      if (bridge === undefined) throw new Error('the window has no Stepgate bridge (its preload did not run)');
      return call === 'getState' ? bridge.getState() : bridge.diagnostics();
    },
    { name: BRIDGE_GLOBAL, call },
  );
}
const POSIX_LOCALE = (tag: string) => tag.replace('-', '_');

export async function launchElectron(target: ElectronTarget, options: LaunchOptions): Promise<AppHandle> {
  const { executablePath, appArgs } = commandOf(target);
  const userData = mkdtempSync(join(tmpdir(), 'stepgate-e2e-userdata-'));
  // The person's own settings file, where the language setting lives.
  if (options.language !== undefined) writeFileSync(join(userData, 'settings.json'), `${JSON.stringify({ language: options.language })}\n`);
  // Policy, read by development and end-to-end builds instead of the computer's own (release builds ignore the switch).
  const policyFile = options.policy === undefined ? undefined : join(userData, 'policy.json');
  if (policyFile !== undefined) writeFileSync(policyFile, `${JSON.stringify(options.policy)}\n`);
  const systemLanguages = options.systemLanguages ?? ['en-US'];
  const locale = `${POSIX_LOCALE(systemLanguages[0] ?? 'en-US')}.UTF-8`;

  const startOne = async (): Promise<{ app: ElectronApplication; page: Page }> => {
    let app: ElectronApplication;
    try {
      app = await _electron.launch({
        executablePath,
        args: [
          ...appArgs,
          ...(options.serverUrl === null ? [] : ['--server', options.serverUrl]),
          ...(options.scaleFactor === undefined ? [] : [`--force-device-scale-factor=${options.scaleFactor}`]),
        ],
        env: {
          ...process.env,
          STEPGATE_KEYCHAIN_SERVICE: options.keychainService,
          STEPGATE_USER_DATA: userData,
          ...(policyFile === undefined ? {} : { STEPGATE_POLICY_FILE: policyFile }),
          LANGUAGE: systemLanguages.map(POSIX_LOCALE).join(':'),
          LANG: locale,
          LC_ALL: locale,
          // A desktop without a Secret Service: the keychain's D-Bus address leads nowhere.
          ...(options.keychain === false ? { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/stepgate-no-keychain' } : {}),
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Playwright could not drive ${executablePath}. A packaged app can be driven only when built with \`npm run dist -- --e2e\` ` +
          `(release builds have the inspect fuse off). Playwright said: ${message}`,
      );
    }
    if (options.onWindow !== undefined) {
      app.on('window', options.onWindow);
      app.windows().forEach(options.onWindow);
    }
    // Recorded instead of opening a real browser; the sign-in flow has already checked the URL by then.
    await app.evaluate(({ shell }) => {
      const record: string[] = [];
      (globalThis as { stepgateOpened?: string[] }).stepgateOpened = record;
      shell.openExternal = async (url: string) => {
        record.push(url);
      };
    });
    return { app, page: await app.firstWindow() };
  };

  let current = await startOne();
  const codeWindowPage = async (): Promise<Page> => {
    // The code window is a second window whose page is code.html (code-fi.html in Finnish). Its
    // URL is set a moment after the window exists, so the windows are looked at until one has it.
    const deadline = Date.now() + CODE_WINDOW_TIMEOUT_MS;
    for (;;) {
      const found = current.app.windows().find((w) => w.url().startsWith('app:') && isCodePagePath(new URL(w.url()).pathname));
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no verification-code window opened within ${CODE_WINDOW_TIMEOUT_MS / 1000} seconds`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    kind: target.kind,
    page: () => current.page,
    pages: () => current.app.windows().filter((w) => !w.isClosed() && w.url().startsWith('app:')),
    codeWindow: async () => {
      const page = await codeWindowPage();
      return { page, scope: page };
    },
    openedUrls: () => current.app.evaluate(() => (globalThis as { stepgateOpened?: string[] }).stepgateOpened ?? []),
    // What the window manager did, not what the app asked: the focused window is one of the app's, on screen.
    broughtToFront: () =>
      current.app.evaluate(({ BrowserWindow }) => {
        const window = BrowserWindow.getFocusedWindow();
        return window !== null && !window.isDestroyed() && window.isVisible() && !window.isMinimized() && window.webContents.getURL().startsWith('app:');
      }),
    // Through the login window's own bridge (window.stepgate), as its views ask: it answers whatever window is in front.
    view: async () => (await askBridge(current.page, 'getState')) as AppView,
    diagnostics: async () => (await askBridge(current.page, 'diagnostics')) as Diagnostics,
    // Electron 45's clipboard reads are promises.
    clipboardText: () => current.app.evaluate(async ({ clipboard }) => (await clipboard.readText()) || null),
    restart: async () => {
      await current.app.close();
      current = await startOne();
    },
    close: async () => {
      await current.app.close();
      rmSync(userData, { recursive: true, force: true });
    },
    electronApp: () => current.app,
  };
}
