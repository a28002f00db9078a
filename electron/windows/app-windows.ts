/**
 * The login window and the small verification-code window, modal to it. The code window exists
 * exactly while the flow is in the code step; closing it counts as Cancel.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import type { AppView } from '../../shared/ipc/view.js';
import { CODE_WINDOW_SIZE, codePageFile } from '../../shared/ipc/code-window.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import type { UiLanguage } from '../../shared/messages/language.js';
import { APP_ORIGIN } from '../app/app-path.js';
import { secureWebPreferences, type WindowRole } from './window-options.js';

export interface AppWindows {
  readonly login: BrowserWindow;
  code(): BrowserWindow | null;
  /** Opens or closes the code window to match the flow and sends the view to every window. */
  show(view: AppView): void;
  /** The windows whose pages may talk to the main process. */
  isAppWindowContents(id: number): boolean;
}

/** The code window has a page of its own (one per language) whose first frame already holds a focused input. */
const pageUrl = (role: WindowRole, language: UiLanguage) =>
  role === 'code' ? `${APP_ORIGIN}/${codePageFile(language)}` : `${APP_ORIGIN}/index.html?window=${role}`;
const background = () => (nativeTheme.shouldUseDarkColors ? '#1c1d21' : '#f6f7f9');

export function createAppWindows(options: {
  readonly preloadPath: string;
  readonly language: UiLanguage;
  readonly onCodeWindowClosedByPerson: () => void;
  readonly sendView: (window: BrowserWindow, view: AppView) => void;
}): AppWindows {
  const t = messagesFor(options.language);
  const login = new BrowserWindow({
    width: 420,
    height: 600,
    minWidth: 360,
    minHeight: 480,
    title: t.windowTitle.signIn,
    show: false,
    backgroundColor: background(),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  login.once('ready-to-show', () => login.show());
  void login.loadURL(pageUrl('login', options.language));

  let code: BrowserWindow | null = null;
  // 'closed' arrives after close() returns, so windows closed by the app are remembered by identity.
  const closedByApp = new WeakSet<BrowserWindow>();

  const openCode = () => {
    const window = new BrowserWindow({
      parent: login,
      modal: true,
      ...CODE_WINDOW_SIZE,
      useContentSize: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: t.windowTitle.code,
      show: false,
      backgroundColor: background(),
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    // Focus on open, so the person can type or paste at once.
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      if (code === window) code = null;
      if (!closedByApp.has(window)) options.onCodeWindowClosedByPerson();
    });
    void window.loadURL(pageUrl('code', options.language));
    return window;
  };

  return {
    login,
    code: () => code,
    show(view) {
      const wantsCode = view.flow.kind === 'code';
      if (wantsCode && code === null) code = openCode();
      if (!wantsCode && code !== null) {
        closedByApp.add(code);
        code.close();
        code = null;
      }
      for (const window of [login, code]) {
        if (window !== null && !window.isDestroyed()) options.sendView(window, view);
      }
    },
    isAppWindowContents: (id) =>
      (!login.isDestroyed() && login.webContents.id === id) || (code !== null && !code.isDestroyed() && code.webContents.id === id),
  };
}
