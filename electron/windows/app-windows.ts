/**
 * The login window and the small verification-code window, modal to it: the adapter that carries
 * out window-plan.ts's decisions with BrowserWindow.
 */
import { app, BrowserWindow, dialog, nativeTheme } from 'electron';
import type { AppView } from '../../shared/ipc/view.js';
import { messagesFor } from '../../shared/messages/catalogue.js';
import type { UiLanguage } from '../../shared/messages/language.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { APP_ORIGIN } from '../app/app-path.js';
import { hasMenuBar, pagePath, windowOptions, type WindowRole } from './window-options.js';
import type { RaiseMethod } from './raise-plan.js';
import { raiseWindow } from './raise-window.js';
import { showWhenReady } from './show-when-ready.js';
import { windowRecovery } from './window-recovery.js';
import { planWindows, type WindowEffect, type WindowEvent, type WindowsState } from './window-plan.js';

export interface AppWindows {
  /** Opens or closes the code window to match the flow and sends the view to every window. */
  show(view: AppView): void;
  /** A second start of the app, a click on the Dock icon, or the browser back from a sign-in: bring the app forward. */
  bringForward(event: 'secondInstance' | 'activate' | 'browserReturned'): void;
  /** The windows whose pages may talk to the main process. */
  isAppWindowContents(id: number): boolean;
}

export function createAppWindows(options: {
  readonly preloadPath: string;
  readonly platform: NodeJS.Platform;
  readonly language: UiLanguage;
  /** Whether DevTools may open (never in a release build). */
  readonly devTools: boolean;
  readonly currentView: () => AppView;
  readonly cancelFlow: () => void;
  readonly sendView: (window: BrowserWindow, view: AppView) => void;
  readonly quit: () => void;
  /** How a window comes to the front on this platform and display server. */
  readonly raise: RaiseMethod;
  /** For what happens to a window's page (did not load, stopped, not responding). */
  readonly log: (message: string) => void;
}): AppWindows {
  const recovery = windowRecovery({
    messages: messagesFor(options.language),
    log: options.log,
    quit: options.quit,
    showMessageBox: (window, box) => dialog.showMessageBox(window, box),
  });
  let state: WindowsState = { login: false, code: false };
  let login: BrowserWindow | null = null;
  let code: BrowserWindow | null = null;
  // 'closed' arrives after close() returns, so windows closed by the app are remembered by identity.
  const closedByApp = new WeakSet<BrowserWindow>();

  const make = (role: WindowRole, parent: BrowserWindow | null) => {
    const context = { platform: options.platform, language: options.language, preloadPath: options.preloadPath, darkMode: nativeTheme.shouldUseDarkColors, devTools: options.devTools };
    const window = new BrowserWindow({ ...windowOptions(role, context), ...(parent === null ? {} : { parent }) });
    if (!hasMenuBar(role, options.platform)) window.removeMenu();
    // Focus on open, so the person can type or paste at once.
    const reveal = showWhenReady(window, (shown) => {
      shown.show();
      shown.focus();
    });
    recovery.load(window, role, `${APP_ORIGIN}${pagePath(role, options.language)}`, reveal);
    return window;
  };

  const focus = (window: BrowserWindow | null) => {
    if (window !== null) raiseWindow(window, options.raise, () => app.focus({ steal: true }));
  };

  const perform = (effect: WindowEffect) => {
    switch (effect) {
      case 'openLogin': {
        const window = make('login', null);
        login = window;
        window.on('closed', () => {
          if (login === window) login = null;
          handle({ type: 'loginClosed' });
        });
        return;
      }
      case 'openCode': {
        const window = make('code', login);
        code = window;
        window.on('closed', () => {
          if (code === window) code = null;
          if (!closedByApp.has(window)) handle({ type: 'codeClosedByPerson' });
        });
        return;
      }
      case 'closeCode':
        if (code !== null) {
          closedByApp.add(code);
          code.close();
          code = null;
        }
        return;
      case 'cancelFlow':
        options.cancelFlow();
        return;
      case 'focusLogin':
        return focus(login);
      case 'focusCode':
        return focus(code);
      case 'quit':
        options.quit();
        return;
      default:
        return assertNever(effect);
    }
  };

  function handle(event: WindowEvent): void {
    const plan = planWindows(state, event, options.platform);
    state = plan.state;
    for (const effect of plan.effects) perform(effect);
    // A window that has just opened shows the flow as it is now.
    if (plan.effects.includes('openLogin')) show(options.currentView());
  }

  function show(view: AppView): void {
    handle({ type: 'view', flow: view.flow.kind });
    for (const window of [login, code]) {
      if (window !== null && !window.isDestroyed()) options.sendView(window, view);
    }
  }

  handle({ type: 'activate' });

  return {
    show,
    bringForward: (event) => handle({ type: event }),
    isAppWindowContents: (id) =>
      [login, code].some((window) => window !== null && !window.isDestroyed() && window.webContents.id === id),
  };
}
