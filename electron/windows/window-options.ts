/**
 * How each window is made, per role and platform, as plain data: sizes are content sizes (what the
 * page gets, whatever the frame, title bar and display scaling add), web preferences are isolated
 * and sandboxed with only the preload bridge.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { CODE_WINDOW_SIZE, codePageFile } from '../../shared/ipc/code-window.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import type { UiLanguage } from '../../shared/messages/language.js';
import { assertNever } from '../../shared/util/assert-never.js';

export type WindowRole = 'login' | 'code';

/** The code window's page size in CSS pixels; the layout is checked at this size at 100%, 125% and 150% scaling. */
export const CODE_WINDOW_CONTENT = CODE_WINDOW_SIZE;
export const LOGIN_WINDOW_CONTENT = { width: 420, height: 600, minWidth: 360, minHeight: 480 } as const;

/** `devTools`: false in release builds (build-kind.ts), so DevTools cannot open on a person's session by any means. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Countdowns (lock-out, challenge expiry) keep time while the window is behind another.
    backgroundThrottling: false,
  };
}

export interface WindowContext {
  readonly platform: NodeJS.Platform;
  readonly language: UiLanguage;
  readonly preloadPath: string;
  readonly darkMode: boolean;
  /** Whether DevTools may open: devToolsAllowed(build kind). */
  readonly devTools: boolean;
}

/** Everything but `parent`, which only the adapter has. */
export function windowOptions(role: WindowRole, context: WindowContext): BrowserWindowConstructorOptions {
  const t = messagesFor(context.language);
  const common: BrowserWindowConstructorOptions = {
    useContentSize: true,
    show: false,
    backgroundColor: context.darkMode ? '#1c1d21' : '#f6f7f9',
    webPreferences: secureWebPreferences(context.preloadPath, context.devTools),
  };
  switch (role) {
    case 'login':
      return { ...common, ...LOGIN_WINDOW_CONTENT, title: t.windowTitle.signIn };
    case 'code':
      return {
        ...common,
        ...CODE_WINDOW_CONTENT,
        title: t.windowTitle.code,
        // On macOS a modal child is a sheet of the login window; elsewhere a small dialog.
        modal: true,
        resizable: false,
        minimizable: false,
        maximizable: false,
        fullscreenable: false,
      };
    default:
      return assertNever(role);
  }
}

/**
 * Whether the window shows the application menu bar. The code window is a dialog: no menu bar on
 * Windows and Linux (macOS menus belong to the app, not to a window).
 */
export function hasMenuBar(role: WindowRole, platform: NodeJS.Platform): boolean {
  return platform !== 'darwin' && role === 'login';
}

/** The page each window shows; the code window has its own per language, whose first frame already holds a focused input. */
export function pagePath(role: WindowRole, language: UiLanguage): string {
  return role === 'code' ? `/${codePageFile(language)}` : `/index.html?window=${role}`;
}
